import type { LostReason, WinBackOutcome } from '../../../shared/contract/winback';
import { daysBetween, localDayFinder, plusDays } from '../../../shared/reminders/days';
import { customKind } from '../../../shared/reminders/kinds/custom';
import { lapseThresholdDays, rhythmDays, rhythmGapWindow } from '../../../shared/reminders/rhythm';
import { localDay, startOfLocalDay } from '../../../shared/time';
import type { Db } from '../db/connection';
import { newId } from '../db/ids';
import { rebuildDerivedThrough } from '../derive';
import { backdateReminder, closeReminder, generateReminders, insertManualReminder, lapseRulesOf, readReminderSettings, shopTimeZone } from '../reminders';
import { insertAttempt, insertStatusEvent, setLost } from '../winback';
import { countOpenReminders, customersLapsedBefore, firstCustomers, iterateSeedVisitTimes, openRemindersBefore } from './reminders-queries';
import type { Random } from './random';

type Pool = 'hant' | 'hans' | 'en';

const notes = {
  followUp: {
    hant: ['很喜歡拿鐵，週五會再來', '問了新到的咖啡豆', '蛋糕很滿意，建議少糖一點', '沒接，已傳訊息', '謝謝我們的關心'],
    hans: ['很喜欢拿铁，周五会再来', '问了新到的咖啡豆', '蛋糕很满意，建议少糖一点', '没接，已发消息', '谢谢我们的关心'],
    en: ['Loved the latte, back on Friday', 'Asked about the new beans', 'Happy with the cake; would like it less sweet', 'No answer, sent a message', 'Thanked us for calling'],
  },
  birthday: {
    hant: ['已傳生日祝福與優惠券', '打電話祝生日快樂', '已預留生日蛋糕'],
    hans: ['已发生日祝福和优惠券', '打电话祝生日快乐', '已预留生日蛋糕'],
    en: ['Sent birthday wishes with a coupon', 'Called to wish a happy birthday', 'Put a birthday cake aside'],
  },
  winBack: {
    came_back: { hant: '換了工作地點，這週會過來', hans: '换了工作地点，这周会过来', en: 'Changed offices; will drop by this week' },
    declined: { hant: '在家附近找到更便宜的店', hans: '在家附近找到更便宜的店', en: 'Found a cheaper place near home' },
    unreachable: { hant: '電話已停用', hans: '电话已停用', en: 'The number is no longer in service' },
    no_answer: { hant: '沒接', hans: '没接', en: 'No answer' },
  },
  custom: {
    hant: ['打電話確認週六的蛋糕訂單', '告訴他新的單品豆到了', '歸還忘在店裡的雨傘', '確認禮盒的寄送地址'],
    hans: ['打电话确认周六的蛋糕订单', '告诉他新的单品豆到了', '归还忘在店里的雨伞', '确认礼盒的寄送地址'],
    en: ['Call about the cake order for Saturday', 'Tell them the new single-origin beans arrived', 'Return the umbrella left at the shop', 'Confirm the gift box delivery address'],
  },
  lost: {
    hant: ['搬到外縣市了', '改去對面新開的咖啡店', ''],
    hans: ['搬到外地了', '改去对面新开的咖啡店', ''],
    en: ['Moved to another city', 'Goes to the new café across the street', ''],
  },
};

/** Why customers leave, roughly as often as shops report each reason. */
const lostReasonWeights: readonly [LostReason, number][] = [
  ['price', 20],
  ['discomfort', 15],
  ['missing_feature', 10],
  ['negative_encounter', 15],
  ['poor_response', 10],
  ['competitor', 15],
  ['ethics', 3],
  ['involuntary', 12],
];

const weighted = <T>(random: Random, entries: readonly [T, number][]): T => {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random.next() * total;
  for (const [value, weight] of entries) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return (entries.at(-1) as [T, number])[0];
};

export interface ReminderSeedSummary {
  open: number;
  done: number;
  dismissed: number;
  attempts: number;
  lost: number;
  wonBack: number;
}

interface SeedContext {
  db: Db;
  random: Random;
  now: Date;
  pool: Pool;
  staffIds: readonly string[];
  zone: string;
  today: string;
  /** An instant during shop hours on a shop-local day, never later than now. */
  during(day: string): string;
}

/** Returns after a long absence in the last months, as the app would have recorded them: won back, some after a call. */
const reconstructReturns = (seed: SeedContext, summary: ReminderSeedSummary): void => {
  const rules = lapseRulesOf(readReminderSettings(seed.db));
  const localDayOf = localDayFinder(seed.zone);
  const since = plusDays(seed.today, -120);
  let current: string | null = null;
  let times: string[] = [];
  let visits = 0;
  const returns: { customerId: string; visitId: string; at: string; daysAway: number }[] = [];
  for (const [customerId, occurredAt, visitId] of iterateSeedVisitTimes(seed.db)) {
    if (customerId !== current) {
      current = customerId;
      times = [];
      visits = 0;
    }
    const previous = times.at(-1);
    if (previous !== undefined && localDayOf(occurredAt) >= since) {
      const threshold = lapseThresholdDays(rhythmDays(times), visits, rules);
      const away = daysBetween(localDayOf(previous), localDayOf(occurredAt));
      if (threshold !== null && away > threshold) returns.push({ customerId, visitId, at: occurredAt, daysAway: away });
    }
    times.push(occurredAt);
    visits += 1;
    if (times.length > rhythmGapWindow + 1) times.shift();
  }
  for (const comeback of returns) {
    const afterAttempt = seed.random.chance(0.4);
    if (afterAttempt) {
      const calledAt = new Date(Date.parse(comeback.at) - seed.random.int(2, 9) * 86_400_000).toISOString();
      insertAttempt(seed.db, { id: newId(), customerId: comeback.customerId, reminderId: null, outcome: 'came_back', note: notes.winBack.came_back[seed.pool], staffId: seed.random.pick(seed.staffIds), at: calledAt });
      summary.attempts += 1;
    }
    insertStatusEvent(seed.db, {
      id: newId(),
      customer_id: comeback.customerId,
      kind: 'won_back',
      reason: null,
      note: '',
      came_back_from: 'lapsed',
      days_away: comeback.daysAway,
      after_attempt: afterAttempt ? 1 : 0,
      visit_id: comeback.visitId,
      staff_id: null,
      at: comeback.at,
      created_at: comeback.at,
    });
    summary.wonBack += 1;
  }
};

const recordLost = (seed: SeedContext, customerId: string, at: string, summary: ReminderSeedSummary): void => {
  const reason = weighted(seed.random, lostReasonWeights);
  insertStatusEvent(seed.db, {
    id: newId(),
    customer_id: customerId,
    kind: 'lost',
    reason,
    note: reason === 'involuntary' || reason === 'competitor' ? seed.random.pick(notes.lost[seed.pool]) : '',
    came_back_from: null,
    days_away: null,
    after_attempt: 0,
    visit_id: null,
    staff_id: seed.random.pick(seed.staffIds),
    at,
    created_at: at,
  });
  setLost(seed.db, customerId, at, reason);
  summary.lost += 1;
};

/** Some customers who stopped coming long ago were called, said no, and were marked lost with a reason. */
const markLongLapsedLost = (seed: SeedContext, windowDays: number, summary: ReminderSeedSummary): void => {
  for (const customer of customersLapsedBefore(seed.db, plusDays(seed.today, -windowDays))) {
    if (!seed.random.chance(0.12)) continue;
    const day = plusDays(customer.lapses_on, seed.random.int(1, 30));
    const at = seed.during(day < seed.today ? day : plusDays(seed.today, -1));
    insertAttempt(seed.db, { id: newId(), customerId: customer.id, reminderId: null, outcome: 'declined', note: notes.winBack.declined[seed.pool], staffId: seed.random.pick(seed.staffIds), at });
    summary.attempts += 1;
    recordLost(seed, customer.id, at, summary);
  }
};

/**
 * The shop dealt with most of what fell due before yesterday: calls made (with what came of them),
 * a few dismissed. Some of the last ten days' are still waiting, as are some calls to regulars who
 * stopped coming (the ones worth a careful call), and a few older ones were forgotten.
 */
const workThroughOverdue = (seed: SeedContext, summary: ReminderSeedSummary): void => {
  const recent = plusDays(seed.today, -10);
  for (const reminder of openRemindersBefore(seed.db, plusDays(seed.today, -1))) {
    const stillWaiting = reminder.kind === 'win_back' && reminder.regular === 1 ? 0.35 : reminder.agenda_day >= recent ? 0.2 : 0.03;
    if (seed.random.chance(stillWaiting)) continue;
    const day = plusDays(reminder.agenda_day, seed.random.int(0, 2));
    const at = seed.during(day < seed.today ? day : plusDays(seed.today, -1));
    const staffId = seed.random.pick(seed.staffIds);
    backdateReminder(seed.db, reminder.id, seed.during(plusDays(reminder.agenda_day, -3)));
    if (seed.random.chance(0.12)) {
      closeReminder(seed.db, reminder.id, 'dismissed', '', at, staffId);
      summary.dismissed += 1;
      continue;
    }
    if (reminder.kind === 'win_back' && reminder.customer_id !== null) {
      if (seed.random.chance(0.4)) {
        const firstTry = seed.during(reminder.agenda_day < seed.today ? reminder.agenda_day : day);
        insertAttempt(seed.db, { id: newId(), customerId: reminder.customer_id, reminderId: reminder.id, outcome: 'no_answer', note: notes.winBack.no_answer[seed.pool], staffId, at: firstTry });
        summary.attempts += 1;
      }
      const outcome = weighted<WinBackOutcome>(seed.random, [['came_back', 35], ['declined', 35], ['unreachable', 30]]);
      insertAttempt(seed.db, { id: newId(), customerId: reminder.customer_id, reminderId: reminder.id, outcome, note: notes.winBack[outcome][seed.pool], staffId, at });
      summary.attempts += 1;
      closeReminder(seed.db, reminder.id, 'done', notes.winBack[outcome][seed.pool], at, staffId);
      if (outcome === 'declined' && seed.random.chance(0.5)) recordLost(seed, reminder.customer_id, at, summary);
    } else {
      const pool = reminder.kind === 'birthday' ? notes.birthday : notes.followUp;
      closeReminder(seed.db, reminder.id, 'done', seed.random.pick(pool[seed.pool]), at, staffId);
    }
    summary.done += 1;
  }
};

/** A few notes the staff left themselves for the coming days. */
const addCustomReminders = (seed: SeedContext, customers: number): void => {
  const count = Math.min(6, Math.max(1, Math.round(customers / 100)));
  const picked = firstCustomers(seed.db, count * 7).filter((_, index) => index % 7 === 3);
  picked.forEach((customer, index) => {
    insertManualReminder(seed.db, {
      id: newId(),
      kind: customKind.name,
      customerId: customer.id,
      dueDay: plusDays(seed.today, index % 4),
      note: notes.custom[seed.pool][index % notes.custom[seed.pool].length] as string,
      staffId: customer.owner_staff_id ?? seed.random.pick(seed.staffIds),
      at: seed.now.toISOString(),
    });
  });
};

/**
 * Brings a freshly seeded book to a believable morning: every customer's rhythm and lapse day, the
 * reminders the app would have raised, most past ones dealt with (outcome notes, win-back calls,
 * a few customers lost with a reason, some won back), and today's and this week's still to do.
 */
export const seedReminderHistory = (db: Db, random: Random, options: { now: Date; pool: Pool; staffIds: readonly string[]; customers: number }): ReminderSeedSummary => {
  const zone = shopTimeZone(db);
  const today = localDay(options.now, zone);
  const latest = options.now.getTime() - 60_000;
  const seed: SeedContext = {
    db,
    random,
    now: options.now,
    pool: options.pool,
    staffIds: options.staffIds,
    zone,
    today,
    during: (day) => new Date(Math.min(latest, Date.parse(startOfLocalDay(day, zone)) + (10 + random.next() * 9) * 3_600_000)).toISOString(),
  };
  const settings = readReminderSettings(db);
  const summary: ReminderSeedSummary = { open: 0, done: 0, dismissed: 0, attempts: 0, lost: 0, wonBack: 0 };
  const generation = { db, now: () => options.now };
  rebuildDerivedThrough(generation, 'rhythm-and-lapse');
  reconstructReturns(seed, summary);
  markLongLapsedLost(seed, settings.winBackWindowDays, summary);
  generateReminders(generation);
  workThroughOverdue(seed, summary);
  addCustomReminders(seed, options.customers);
  // Customers marked lost along the way no longer get reminders.
  generateReminders(generation);
  summary.open = countOpenReminders(db);
  return summary;
};
