import { z } from 'zod';
import { limits } from '../limits';
import { isTimeZone } from '../time';

/** Reusable field schemas; each refusal names its rule so the UI can translate it. */
export const id = z.string().min(1).max(64);

export const requiredText = (max: number) => z.string().trim().min(1).max(max);

export const optionalText = (max: number) => z.string().trim().max(max).default('');

export const emailText = z
  .string()
  .trim()
  .max(limits.email)
  .refine((value) => value === '' || z.regexes.email.test(value), 'invalid_email')
  .default('');

/** An ISO-8601 instant; stored as UTC text. */
export const instant = z.iso.datetime({ offset: true }).refine((value) => !Number.isNaN(Date.parse(value)), 'invalid_date');

export const timeZone = z.string().refine(isTimeZone, 'invalid_choice');

export const amountMinor = z.int().min(0).max(1_000_000_000_000);

export const satisfactionLevels = [0, 1, 2, 3] as const;
/** 0 not satisfied; 1 satisfied; 2 …and will buy again; 3 …and will bring friends. */
export const satisfactionLevel = z.union(satisfactionLevels.map((level) => z.literal(level)));
export type SatisfactionLevel = (typeof satisfactionLevels)[number];

export const pageLimit = z.int().min(1).max(limits.pageSize);
