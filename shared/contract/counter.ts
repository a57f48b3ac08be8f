import { z } from 'zod';
import { limits } from '../limits';
import type { Severity } from '../complaints/deadlines';
import type { ComplaintState } from '../complaints/lifecycle';
import type { ComplaintCategory } from './complaints';
import type { CustomerDetail } from './customers';
import { handler, returns } from './define';
import { id, requiredText } from './fields';
import type { ReferralReward } from './referrals';
import type { CustomerState } from './winback';

/** A birthday within the coming week, on the shop's calendar. */
export interface BirthdaySoon {
  month: number;
  day: number;
  /** The shop-local day of the birthday (YYYY-MM-DD). */
  on: string;
  /** 0 on the birthday itself. */
  daysUntil: number;
}

/** An unresolved complaint, enough to link to it. */
export interface OpenComplaint {
  id: string;
  category: ComplaintCategory;
  severity: Severity;
  state: ComplaintState;
  receivedAt: string;
}

/**
 * What the counter shows once a customer is chosen: what staff should know before serving them.
 * No money: staff see it too.
 */
export interface CounterCard {
  customerId: string;
  name: string;
  notes: string;
  tags: string[];
  interests: string[];
  lastVisitAt: string | null;
  visitCount: number;
  /** Their usual gap between visits in days; null before a second visit. */
  rhythmDays: number | null;
  state: CustomerState;
  /** Referral rewards earned and waiting to be handed over, oldest first. */
  rewardsWaiting: ReferralReward[];
  birthdaySoon: BirthdaySoon | null;
  openComplaints: OpenComplaint[];
}

export const counterContract = {
  'customers-counter-card': handler({
    input: z.strictObject({ customerId: id }),
    output: returns<CounterCard>(),
    access: 'staff',
    mutates: false,
  }),
  /** Adds a dated line to the customer's notes without opening the whole form. */
  'customers-add-note': handler({
    input: z.strictObject({ customerId: id, note: requiredText(limits.quickNote) }),
    output: returns<CustomerDetail>(),
    access: 'staff',
    mutates: true,
  }),
};
