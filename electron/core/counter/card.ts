import type { BirthdaySoon, CounterCard, OpenComplaint } from '../../../shared/contract/counter';
import type { Role } from '../../../shared/contract/define';
import { nextBirthday } from '../../../shared/reminders/birthday';
import { daysBetween } from '../../../shared/reminders/days';
import { localDay } from '../../../shared/time';
import type { HandlerContext } from '../context';
import { boardRows, complaintsOf } from '../complaints';
import { readCustomerDetail } from '../customers';
import { rewardRowsOf, toReferralReward } from '../referrals';
import { shopTimeZone } from '../reminders';
import { readStanding } from '../winback';

/** "Birthday this week": today and the six days after it. */
const birthdayWindowDays = 7;

/** Complaints still waiting for the shop to act: not yet resolved. */
const unresolvedStates = ['open', 'acknowledged'];

const birthdaySoon = (birthday: { month: number; day: number } | null, today: string): BirthdaySoon | null => {
  if (birthday === null) return null;
  const on = nextBirthday(birthday.month, birthday.day, today);
  const daysUntil = daysBetween(today, on);
  return daysUntil < birthdayWindowDays ? { month: birthday.month, day: birthday.day, on, daysUntil } : null;
};

const openComplaintsOf = (ctx: Pick<HandlerContext, 'db' | 'now'>, customerId: string, role: Role): OpenComplaint[] => {
  const params = { states: JSON.stringify(unresolvedStates), severity: null, category: null, owner: null, customer: customerId, overdue: 0, query: '', now: ctx.now().toISOString() };
  return complaintsOf(ctx.db, boardRows(ctx.db, params, 20), role).map(({ id, category, severity, state, receivedAt }) => ({ id, category, severity, state, receivedAt }));
};

/**
 * The counter's card for one customer, read through each feature's own queries: the customer,
 * where they stand (rhythm, lapse), referral rewards they have earned, complaints still open.
 */
export const readCounterCard = (ctx: Pick<HandlerContext, 'db' | 'now'>, customerId: string, role: Role): CounterCard | null => {
  const detail = readCustomerDetail(ctx.db, customerId, role);
  const standing = readStanding(ctx, customerId);
  if (detail === null || standing === null) return null;
  const today = localDay(ctx.now(), shopTimeZone(ctx.db));
  return {
    customerId,
    name: detail.name,
    notes: detail.notes,
    tags: detail.tags,
    interests: detail.interests,
    lastVisitAt: detail.lastVisitAt,
    visitCount: detail.visitCount,
    rhythmDays: standing.rhythmDays,
    state: standing.state,
    rewardsWaiting: rewardRowsOf(ctx.db, customerId)
      .filter((row) => row.status === 'earned')
      .map(toReferralReward)
      .reverse(),
    birthdaySoon: birthdaySoon(detail.birthday, today),
    openComplaints: openComplaintsOf(ctx, customerId, role),
  };
};
