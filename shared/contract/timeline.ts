import { z } from 'zod';
import { handler, returns } from './define';
import type { Complaint } from './complaints';
import { id, pageLimit } from './fields';
import type { ReferralPerson, ReferralReward } from './referrals';
import type { Reminder } from './reminders';
import type { Visit } from './visits';
import type { CustomerStatusEvent, WinBackAttempt } from './winback';

/**
 * One entry of a customer's single timeline. Each feature adds its own kind here and a source in the
 * core's timeline registry; the renderer has one renderer per kind.
 */
export type TimelineItem =
  | { kind: 'visit'; id: string; at: string; visit: Visit }
  | { kind: 'contact'; id: string; at: string; visit: Visit }
  | { kind: 'reminder'; id: string; at: string; reminder: Reminder }
  | { kind: 'win_back_attempt'; id: string; at: string; attempt: WinBackAttempt }
  | { kind: 'customer_status'; id: string; at: string; event: CustomerStatusEvent }
  | { kind: 'complaint'; id: string; at: string; complaint: Complaint }
  | { kind: 'referral'; id: string; at: string; role: 'brought' | 'referred_by'; other: ReferralPerson }
  | { kind: 'referral_reward'; id: string; at: string; event: 'earned' | 'given'; reward: ReferralReward }
  | { kind: 'imported_history'; id: string; at: string; history: ImportedHistory };

/** A customer's past as another tool summed it up, brought by an import ("brought from square-export.csv"). */
export interface ImportedHistory {
  sourceName: string;
  visitCount: number;
  revenueMinor: number;
  firstVisitAt: string | null;
  lastVisitAt: string | null;
  points: number | null;
  memberLevel: string | null;
  recordedAt: string;
}

export type TimelineKind = TimelineItem['kind'];

export interface TimelinePage {
  items: TimelineItem[];
  /** Pass back as `before` to read older entries; null when there are none. */
  nextCursor: string | null;
}

export const timelineContract = {
  'customers-timeline': handler({
    input: z.strictObject({
      id,
      before: z.string().max(200).nullable().default(null),
      limit: pageLimit.default(50),
    }),
    output: returns<TimelinePage>(),
    access: 'staff',
    mutates: false,
  }),
} as const;
