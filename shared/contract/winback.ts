import { z } from 'zod';
import { handler, returns } from './define';
import { id, optionalText } from './fields';
import { localDayField, reminderNoteLimit, type Reminder } from './reminders';

/** The eight reasons customers leave (PRODUCT.md, the shop's CRM doctrine); one is recorded whenever a customer is lost. */
export const lostReasons = [
  'price',
  'discomfort',
  'missing_feature',
  'negative_encounter',
  'poor_response',
  'competitor',
  'ethics',
  'involuntary',
] as const;
export type LostReason = (typeof lostReasons)[number];

/** What came of a win-back call or message. */
export const winBackOutcomes = ['came_back', 'declined', 'unreachable', 'no_answer'] as const;
export type WinBackOutcome = (typeof winBackOutcomes)[number];

export interface WinBackAttempt {
  id: string;
  customerId: string;
  reminderId: string | null;
  outcome: WinBackOutcome;
  note: string;
  staffId: string | null;
  staffName: string | null;
  attemptedAt: string;
}

/** A change of a customer's standing that a person or a return visit made: lost (with its reason) or won back. */
export interface CustomerStatusEvent {
  id: string;
  customerId: string;
  kind: 'lost' | 'won_back';
  /** Lost: one of the eight reasons; null for won back. */
  reason: LostReason | null;
  note: string;
  /** Won back: what they came back from, and how long they had been away. */
  from: 'lapsed' | 'lost' | null;
  daysAway: number | null;
  /** Won back after the shop had tried to win them back in this absence. */
  afterAttempt: boolean;
  /** The visit that brought them back, when a visit did. */
  visitId: string | null;
  staffId: string | null;
  staffName: string | null;
  at: string;
}

export const customerStates = ['new', 'active', 'lapsed', 'lost', 'archived'] as const;
/** new: never visited yet; active: within their rhythm; lapsed: past it; lost: marked lost with a reason. */
export type CustomerState = (typeof customerStates)[number];

/** Where a customer stands, for the profile: their rhythm, how long they have been away, lapsed or lost. */
export interface CustomerStanding {
  customerId: string;
  state: CustomerState;
  rhythmDays: number | null;
  /** Days without a visit or contact after which they count as lapsed (their rhythm × the multiplier, or the fallback). */
  thresholdDays: number | null;
  lastActivityAt: string | null;
  /** Whether that last activity was a visit or a contact (a call, a message): "here today" or "in touch today". */
  lastActivityKind: 'visit' | 'contact' | null;
  daysAway: number | null;
  /** The shop-local day they became (or will become) lapsed. */
  lapsesOn: string | null;
  lost: CustomerStatusEvent | null;
}

export interface WinBackStats {
  from: string;
  to: string;
  attemptsByOutcome: Record<WinBackOutcome, number>;
  lostByReason: Record<LostReason, number>;
  wonBack: { total: number; fromLapsed: number; fromLost: number; afterAttempt: number };
}

export const winbackContract = {
  'winback-record-attempt': handler({
    input: z.strictObject({
      customerId: id,
      /** The win-back reminder it answers, if it came from one: done, or (no answer) back in a few days. */
      reminderId: id.nullable().default(null),
      outcome: z.enum(winBackOutcomes),
      note: optionalText(reminderNoteLimit),
    }),
    output: returns<{ attempt: WinBackAttempt; reminder: Reminder | null }>(),
    access: 'staff',
    mutates: true,
  }),
  /**
   * Undoes a recorded call (from its message): the attempt is gone and its reminder is as it was —
   * open again, or (no answer) snoozed back to `restoreSnoozedUntil`. Only the customer's latest attempt.
   */
  'winback-undo-attempt': handler({
    input: z.strictObject({ id, restoreSnoozedUntil: localDayField.nullable() }),
    output: returns<{ reminder: Reminder | null }>(),
    access: 'staff',
    mutates: true,
  }),
  'winback-mark-lost': handler({
    input: z.strictObject({ customerId: id, reason: z.enum(lostReasons), note: optionalText(reminderNoteLimit) }),
    output: returns<CustomerStatusEvent>(),
    access: 'staff',
    mutates: true,
  }),
  'winback-mark-won-back': handler({
    input: z.strictObject({ customerId: id, note: optionalText(reminderNoteLimit) }),
    output: returns<CustomerStatusEvent>(),
    access: 'staff',
    mutates: true,
  }),
  /** Takes back a mistaken "lost" or "won back": the event is archived and the standing recomputed. */
  'winback-undo-status': handler({
    input: z.strictObject({ id }),
    output: returns<CustomerStanding>(),
    access: 'staff',
    mutates: true,
  }),
  'winback-standing': handler({
    input: z.strictObject({ customerId: id }),
    output: returns<CustomerStanding>(),
    access: 'staff',
    mutates: false,
  }),
  /** Counts for a period of shop-local days, for the loyalty dashboard. */
  'winback-stats': handler({
    input: z.strictObject({ from: localDayField, to: localDayField }),
    output: returns<WinBackStats>(),
    access: 'staff',
    mutates: false,
  }),
} as const;
