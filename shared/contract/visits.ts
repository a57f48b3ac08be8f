import { z } from 'zod';
import { limits } from '../limits';
import { handler, returns } from './define';
import { amountMinor, id, instant, optionalText, pageLimit, satisfactionLevel, type SatisfactionLevel } from './fields';

export const visitChannels = ['store', 'phone', 'online', 'delivery'] as const;
export type VisitChannel = (typeof visitChannels)[number];

export const contactMethods = ['call', 'message', 'home_visit'] as const;
export type ContactMethod = (typeof contactMethods)[number];

export interface Visit {
  id: string;
  customerId: string | null;
  customerName: string | null;
  kind: 'visit' | 'contact';
  occurredAt: string;
  /** Null when no amount was given (a contact, or a visit logged without one). */
  amountMinor: number | null;
  channel: VisitChannel | ContactMethod;
  items: string;
  note: string;
  satisfaction: SatisfactionLevel | null;
  staffId: string | null;
  staffName: string | null;
  archived: boolean;
}

export const visitsContract = {
  'visits-log': handler({
    input: z.strictObject({
      /** Null for a walk-in without a customer: it counts revenue only. */
      customerId: id.nullable(),
      amountMinor: amountMinor.nullable().default(null),
      items: optionalText(limits.visitItems),
      note: optionalText(limits.visitNote),
      satisfaction: satisfactionLevel.nullable().default(null),
      channel: z.enum(visitChannels).default('store'),
      staffId: id.nullable().default(null),
      occurredAt: instant.nullable().default(null),
    }),
    output: returns<Visit>(),
    access: 'staff',
    mutates: true,
  }),
  'visits-log-contact': handler({
    input: z.strictObject({
      customerId: id,
      method: z.enum(contactMethods),
      note: optionalText(limits.visitNote),
      staffId: id.nullable().default(null),
      occurredAt: instant.nullable().default(null),
    }),
    output: returns<Visit>(),
    access: 'staff',
    mutates: true,
  }),
  'visits-archive': handler({
    input: z.strictObject({ id }),
    output: returns<Visit>(),
    access: 'staff',
    mutates: true,
  }),
  'visits-unarchive': handler({
    input: z.strictObject({ id }),
    output: returns<Visit>(),
    access: 'staff',
    mutates: true,
  }),
  'visits-recent': handler({
    input: z.strictObject({ limit: pageLimit.default(30) }),
    output: returns<Visit[]>(),
    access: 'staff',
    mutates: false,
  }),
} as const;
