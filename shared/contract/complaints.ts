import { z } from 'zod';
import { complaintStates, type ComplaintAction, type ComplaintState } from '../complaints/lifecycle';
import { severities, type Severity } from '../complaints/deadlines';
import type { PromiseKind, PromiseOutcome } from '../complaints/promises';
import { handler, returns } from './define';
import { amountMinor, id, optionalText, requiredText, satisfactionLevel, type SatisfactionLevel } from './fields';

export const complaintChannels = ['in_person', 'phone', 'message', 'online', 'other'] as const;
export type ComplaintChannel = (typeof complaintChannels)[number];

export const complaintCategories = ['product_quality', 'price', 'service_attitude', 'slow_response', 'missing_product', 'environment', 'other'] as const;
export type ComplaintCategory = (typeof complaintCategories)[number];

export const compensationKinds = ['refund', 'discount', 'voucher', 'gift', 'redo', 'other'] as const;
export type CompensationKind = (typeof compensationKinds)[number];

/** requested by staff → approved or declined by the owner. */
export const escalationStatuses = ['requested', 'approved', 'declined'] as const;
export type EscalationStatus = (typeof escalationStatuses)[number];

export const complaintTextLimit = 4000;

export interface ComplaintPromise {
  id: string;
  kind: PromiseKind;
  dueAt: string;
  /** Null while it runs; kept or broken once settled, never changed afterwards. */
  outcome: PromiseOutcome | null;
  /** When it was met, or its deadline when it was broken. */
  settledAt: string | null;
}

export interface Compensation {
  kind: CompensationKind;
  /** Minor units; null for staff, who do not see compensation amounts. */
  amountMinor: number | null;
}

export interface Escalation {
  status: EscalationStatus;
  /** What staff asked the owner to approve; the amount is null for staff. */
  proposed: Compensation;
  note: string;
  requestedAt: string;
  decidedAt: string | null;
  decisionNote: string;
}

export interface Complaint {
  id: string;
  customerId: string | null;
  customerName: string | null;
  channel: ComplaintChannel;
  category: ComplaintCategory;
  severity: Severity;
  description: string;
  ownerStaffId: string | null;
  ownerStaffName: string | null;
  state: ComplaintState;
  receivedAt: string;
  /** The promises now running or last settled, one of each kind. */
  reply: ComplaintPromise;
  resolve: ComplaintPromise;
  resolution: string;
  compensation: Compensation | null;
  escalation: Escalation | null;
  satisfaction: SatisfactionLevel | null;
  resolvedAt: string | null;
  updatedAt: string;
}

export interface ComplaintTransition {
  id: string;
  action: ComplaintAction | 'log' | 'escalate' | 'approve' | 'decline';
  fromState: ComplaintState | null;
  toState: ComplaintState;
  at: string;
  staffId: string | null;
  staffName: string | null;
  role: 'owner' | 'staff';
  note: string;
}

export interface ComplaintDetail {
  complaint: Complaint;
  transitions: ComplaintTransition[];
  /** Every promise made, including those of earlier rounds before a reopen. */
  promises: ComplaintPromise[];
  /** Compensation above this needs the owner's approval (shown to staff as the limit of their authority). */
  compensationLimitMinor: number;
}

export interface ComplaintBoard {
  items: Complaint[];
  /** Matching complaints per state (before the limit). */
  counts: Record<ComplaintState, number>;
}

export interface ComplaintMonth {
  /** Shop-local month, YYYY-MM. */
  month: string;
  logged: number;
  /** Promises settled in the month: met (kept or late), or broken at their deadline. */
  promisesSettled: number;
  promisesKept: number;
  keptPercent: number | null;
  medianReplyMinutes: number | null;
  medianResolveMinutes: number | null;
}

export interface ComplaintStats {
  months: ComplaintMonth[];
  total: { logged: number; keptPercent: number | null; medianReplyMinutes: number | null; medianResolveMinutes: number | null };
  /** Customers with more than one complaint in the period, most first. */
  repeatComplainers: { customerId: string; name: string; complaints: number }[];
  byCategory: { category: ComplaintCategory; count: number }[];
}

/** Owner only: the money side of the stats. */
export interface CompensationStats {
  months: { month: string; paidMinor: number; complaints: number }[];
  paidMinor: number;
}

export const complaintSettingsFields = z.strictObject({
  replyHoursLow: z.number().min(0.25).max(720),
  replyHoursMedium: z.number().min(0.25).max(720),
  replyHoursHigh: z.number().min(0.25).max(720),
  resolveHoursLow: z.number().min(0.25).max(2160),
  resolveHoursMedium: z.number().min(0.25).max(2160),
  resolveHoursHigh: z.number().min(0.25).max(2160),
  /** Count promise hours only while the shop is open. */
  openingHoursOnly: z.boolean(),
  opensAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'invalid'),
  closesAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'invalid'),
  /** 1 = Monday … 7 = Sunday. */
  openDays: z.array(z.int().min(1).max(7)).min(1).max(7),
  /** Compensation above this (minor units) needs the owner's approval. */
  compensationLimitMinor: amountMinor,
  /** The after-resolution follow-up call, this many days after the resolution. */
  followUpDays: z.int().min(1).max(60),
});
export type ComplaintSettings = z.output<typeof complaintSettingsFields>;

export const complaintSettingsShape = complaintSettingsFields.superRefine((rules, context) => {
  if (rules.closesAt <= rules.opensAt) context.addIssue({ code: 'custom', message: 'invalid', path: ['closesAt'] });
});

const compensationInput = z.strictObject({ kind: z.enum(compensationKinds), amountMinor });

const boardState = z.enum(complaintStates);

export const complaintsContract = {
  'complaints-log': handler({
    input: z.strictObject({
      /** Null: an anonymous complaint. */
      customerId: id.nullable(),
      channel: z.enum(complaintChannels),
      category: z.enum(complaintCategories),
      severity: z.enum(severities),
      description: requiredText(complaintTextLimit),
      /** The one staff member who carries it to the end; null: whoever is at the counter. */
      ownerStaffId: id.nullable().default(null),
    }),
    output: returns<Complaint>(),
    access: 'staff',
    mutates: true,
  }),
  'complaints-get': handler({
    input: z.strictObject({ id }),
    output: returns<ComplaintDetail>(),
    access: 'staff',
    mutates: false,
  }),
  'complaints-list': handler({
    input: z.strictObject({
      /** Empty: every state. */
      states: z.array(boardState).max(5).default([]),
      severity: z.enum(severities).nullable().default(null),
      category: z.enum(complaintCategories).nullable().default(null),
      ownerStaffId: id.nullable().default(null),
      customerId: id.nullable().default(null),
      overdueOnly: z.boolean().default(false),
      /** Words from the description, the resolution or the customer's name. */
      query: z.string().trim().max(100).default(''),
      limit: z.int().min(1).max(500).default(200),
    }),
    output: returns<ComplaintBoard>(),
    access: 'staff',
    mutates: false,
  }),
  'complaints-acknowledge': handler({
    input: z.strictObject({ id, note: optionalText(complaintTextLimit) }),
    output: returns<Complaint>(),
    access: 'staff',
    mutates: true,
  }),
  'complaints-resolve': handler({
    input: z.strictObject({
      id,
      resolution: requiredText(complaintTextLimit),
      /** Omitted: what the owner approved, if anything; null: no compensation. */
      compensation: compensationInput.nullable().optional(),
    }),
    output: returns<Complaint>(),
    access: 'staff',
    mutates: true,
  }),
  'complaints-follow-up': handler({
    input: z.strictObject({
      id,
      /** The customer's satisfaction after the resolution; null when they could not say. */
      satisfaction: satisfactionLevel.nullable(),
      note: optionalText(complaintTextLimit),
    }),
    output: returns<Complaint>(),
    access: 'staff',
    mutates: true,
  }),
  'complaints-close': handler({
    input: z.strictObject({ id, note: optionalText(complaintTextLimit) }),
    output: returns<Complaint>(),
    access: 'staff',
    mutates: true,
  }),
  'complaints-reopen': handler({
    input: z.strictObject({ id, note: requiredText(complaintTextLimit) }),
    output: returns<Complaint>(),
    access: 'staff',
    mutates: true,
  }),
  'complaints-escalate': handler({
    input: z.strictObject({ id, compensation: compensationInput, note: optionalText(complaintTextLimit) }),
    output: returns<Complaint>(),
    access: 'staff',
    mutates: true,
  }),
  'complaints-decide-escalation': handler({
    input: z.strictObject({ id, approve: z.boolean(), note: optionalText(complaintTextLimit) }),
    output: returns<Complaint>(),
    access: 'owner',
    mutates: true,
  }),
  'complaints-stats': handler({
    input: z.strictObject({ months: z.int().min(1).max(36).default(12) }),
    output: returns<ComplaintStats>(),
    access: 'staff',
    mutates: false,
  }),
  'complaints-compensation-stats': handler({
    input: z.strictObject({ months: z.int().min(1).max(36).default(12) }),
    output: returns<CompensationStats>(),
    access: 'owner',
    mutates: false,
  }),
  'complaints-settings-get': handler({
    input: z.strictObject({}),
    output: returns<ComplaintSettings>(),
    access: 'staff',
    mutates: false,
  }),
  'complaints-settings-update': handler({
    input: complaintSettingsFields.partial(),
    output: returns<ComplaintSettings>(),
    access: 'owner',
    mutates: true,
  }),
} as const;

export type { ComplaintState, Severity, SatisfactionLevel };
