import { z } from 'zod';
import { limits } from '../limits';
import { tiers } from '../loyalty/tiers';
import { looksLikePhone } from '../phone';
import { handler, returns } from './define';
import { lapseStates } from './loyalty';
import { emailText, id, optionalText, pageLimit, requiredText } from './fields';

export const customerSources = ['walk_in', 'referral', 'social_media', 'event', 'online', 'other'] as const;
export type CustomerSource = (typeof customerSources)[number];

export const needTypes = ['price', 'value', 'composite'] as const;
export type NeedType = (typeof needTypes)[number];

export const genders = ['female', 'male', 'other'] as const;
export type Gender = (typeof genders)[number];

const daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Month and day, year optional: many customers tell the day but not the year. 29 February is allowed. */
export const birthday = z
  .strictObject({
    month: z.int().min(1).max(12),
    day: z.int().min(1).max(31),
    year: z.int().min(1900).max(2100).nullable().default(null),
  })
  .refine((value) => value.day <= (daysInMonth[value.month - 1] ?? 0), { message: 'invalid_date', path: ['day'] })
  .refine(
    (value) => value.year === null || value.month !== 2 || value.day !== 29 || new Date(Date.UTC(value.year, 1, 29)).getUTCDate() === 29,
    { message: 'invalid_date', path: ['day'] },
  );
export type Birthday = z.output<typeof birthday>;

const phoneText = z.string().trim().max(limits.phoneRaw).refine(looksLikePhone, 'invalid_phone');

const label = z.string().trim().min(1).max(limits.tag);

export const customerFields = z.strictObject({
  name: requiredText(limits.name),
  phones: z.array(phoneText).max(limits.phones).default([]),
  email: emailText,
  birthday: birthday.nullable().default(null),
  address: optionalText(limits.address),
  gender: z.enum(genders).nullable().default(null),
  tags: z.array(label).max(limits.tags).default([]),
  interests: z.array(label).max(limits.tags).default([]),
  notes: optionalText(limits.notes),
  source: z.enum(customerSources).nullable().default(null),
  needType: z.enum(needTypes).nullable().default(null),
  ownerStaffId: id.nullable().default(null),
  consentToContact: z.boolean().default(false),
});
export type CustomerFieldsInput = z.input<typeof customerFields>;
export type CustomerFields = z.output<typeof customerFields>;

export interface CustomerPhone {
  display: string;
  e164: string | null;
}

export interface CustomerSummary {
  id: string;
  name: string;
  phones: string[];
  email: string;
  tags: string[];
  archived: boolean;
  /** The latest of sign-up, visit and contact: what the list is ordered by, never shown as a visit. */
  lastSeenAt: string | null;
  /** Null for someone who never visited: a message or call is not a visit. */
  lastVisitAt: string | null;
  lastContactAt: string | null;
  visitCount: number;
}

export interface CustomerDetail extends Omit<CustomerFields, 'phones'> {
  id: string;
  phones: CustomerPhone[];
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
  firstVisitAt: string | null;
  lastVisitAt: string | null;
  lastContactAt: string | null;
  visitCount: number;
  /** Lifetime spend in minor units; null for staff, who do not see the money. */
  revenueMinor: number | null;
}

/** A customer's fields as the profile's form holds them: an edit changes one and sends the others as they are. */
export const editableFieldsOf = (detail: CustomerDetail): CustomerFields => ({
  name: detail.name,
  phones: detail.phones.map((phone) => phone.display),
  email: detail.email,
  birthday: detail.birthday,
  address: detail.address,
  gender: detail.gender,
  tags: detail.tags,
  interests: detail.interests,
  notes: detail.notes,
  source: detail.source,
  needType: detail.needType,
  ownerStaffId: detail.ownerStaffId,
  consentToContact: detail.consentToContact,
});

export const duplicateReasons = ['phone', 'email', 'name'] as const;
export type DuplicateReason = (typeof duplicateReasons)[number];

export interface DuplicateCandidate {
  customer: CustomerSummary;
  reasons: DuplicateReason[];
}

/** recent: last visit or contact; lastVisit, visits and spend: most first; spend is the owner's. */
export const customerSorts = ['recent', 'name', 'created', 'lastVisit', 'visits', 'spend'] as const;
export type CustomerSort = (typeof customerSorts)[number];

/** A row of the customer list: the summary, its last visit, and lifetime spend (null for staff). */
export interface CustomerListRow extends CustomerSummary {
  lastVisitAt: string | null;
  revenueMinor: number | null;
}

export const customersContract = {
  'customers-create': handler({
    input: customerFields,
    output: returns<CustomerDetail>(),
    access: 'staff',
    mutates: true,
  }),
  'customers-update': handler({
    input: z.strictObject({ id, fields: customerFields }),
    output: returns<CustomerDetail>(),
    access: 'staff',
    mutates: true,
  }),
  'customers-archive': handler({
    input: z.strictObject({ id }),
    output: returns<CustomerDetail>(),
    access: 'staff',
    mutates: true,
  }),
  'customers-unarchive': handler({
    input: z.strictObject({ id }),
    output: returns<CustomerDetail>(),
    access: 'staff',
    mutates: true,
  }),
  'customers-get': handler({
    input: z.strictObject({ id }),
    output: returns<CustomerDetail>(),
    access: 'staff',
    mutates: false,
  }),
  'customers-search': handler({
    input: z.strictObject({
      query: z.string().max(limits.searchQuery),
      includeArchived: z.boolean().default(false),
      limit: pageLimit.default(50),
    }),
    output: returns<{ rows: CustomerSummary[]; more: boolean }>(),
    access: 'staff',
    mutates: false,
  }),
  'customers-list': handler({
    input: z.strictObject({
      offset: z.int().min(0).max(10_000_000).default(0),
      limit: pageLimit.default(100),
      sort: z.enum(customerSorts).default('recent'),
      includeArchived: z.boolean().default(false),
      /** Only customers with this tag ('' for any). */
      tag: z.string().trim().max(limits.tag).default(''),
      lapse: z.enum(lapseStates).nullable().default(null),
      /** The owner's filter, as the spend sort is. */
      tier: z.enum(tiers).nullable().default(null),
    }),
    output: returns<{ total: number; rows: CustomerListRow[] }>(),
    access: 'staff',
    mutates: false,
  }),
  'customers-find-duplicates': handler({
    input: z.strictObject({
      name: z.string().max(limits.name).default(''),
      phones: z.array(z.string().max(limits.phoneRaw)).max(limits.phones).default([]),
      email: z.string().max(limits.email).default(''),
      excludeId: id.nullable().default(null),
    }),
    output: returns<DuplicateCandidate[]>(),
    access: 'staff',
    mutates: false,
  }),
} as const;
