import fc from 'fast-check';
import { z } from 'zod';

/** Strings that have broken other apps: SQL and FTS syntax, control characters, huge and odd text. */
export const nastyStrings = [
  '',
  ' ',
  '\u0000',
  '\u0000abc\u0000',
  '\u202eevil',
  '\ud800',
  '😀'.repeat(50),
  '王小明',
  "'; DROP TABLE customers; --",
  '" OR 1=1 --',
  '"',
  '""',
  '*',
  'NEAR(a b)',
  'a AND OR NOT b',
  '^name:x',
  '%',
  '_',
  '\\',
  'NULL',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '__proto__',
  'constructor',
  '1e309',
  '-0',
  '9'.repeat(40),
  'x'.repeat(100_000),
  'é'.normalize('NFD').repeat(1000),
];

const pollutingKeys = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf');

export const adversarialValue = (ids: readonly string[]): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constantFrom(...nastyStrings),
    fc.string(),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.integer(),
    fc.double(),
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, Number.MAX_SAFE_INTEGER + 2, -1, 0, 1, 2, 3, 4),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.array(fc.oneof(fc.string(), fc.constantFrom(...nastyStrings.slice(0, 12))), { maxLength: 8 }),
    fc.dictionary(fc.oneof(fc.string(), pollutingKeys), fc.jsonValue(), { maxKeys: 4 }),
    ids.length > 0 ? fc.constantFrom(...ids) : fc.constant('01J0000000000000000000000'),
    fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  );

/**
 * Inputs shaped like a handler's schema, field by field: sometimes right, often wrong. Plain
 * fc.anything() rarely gets past the first check; these reach the handlers' own code.
 */
export const shapedInput = (schema: z.ZodType, ids: readonly string[], depth = 0): fc.Arbitrary<unknown> => {
  const unwrapped = schema instanceof z.ZodDefault || schema instanceof z.ZodNullable || schema instanceof z.ZodOptional ? schema.unwrap() : schema;
  if (unwrapped instanceof z.ZodObject && depth < 3) {
    const shape = unwrapped.shape as Record<string, z.ZodType>;
    const fields = Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, fc.option(shapedInput(field, ids, depth + 1), { nil: undefined })]));
    return fc.tuple(fc.record(fields), fc.dictionary(pollutingKeys, fc.jsonValue(), { maxKeys: 2 })).map(([record, extra]) => {
      const value: Record<string, unknown> = Object.fromEntries(Object.entries(record).filter(([, field]) => field !== undefined));
      for (const [key, field] of Object.entries(extra)) Object.defineProperty(value, key, { value: field, enumerable: true, configurable: true, writable: true });
      return value;
    });
  }
  if (unwrapped instanceof z.ZodArray && depth < 3) return fc.array(shapedInput(unwrapped.element as z.ZodType, ids, depth + 1), { maxLength: 8 });
  return adversarialValue(ids);
};

/** Values of the kinds handlers accept, nasty ones included; each field keeps those its schema takes. */
const plausiblePool = (ids: readonly string[]): unknown[] => [
  ...nastyStrings,
  ...ids,
  'Ada Lovelace',
  'x'.repeat(200),
  'x'.repeat(5000),
  '0912345678',
  '+886 912 345 678',
  '(02) 2345-6789',
  '138 0013 8000',
  'ada@example.com',
  '2026-11-20T10:00:00.000Z',
  '2026-11-20',
  '2099-01-01',
  '2026-02-29',
  '2026-11-20T10:00:00+08:00',
  'Asia/Taipei',
  'UTC',
  'TWD',
  'JPY',
  'TW',
  'HK',
  'en',
  'zh-Hant',
  'zh-Hans',
  0,
  1,
  2,
  3,
  12,
  29,
  31,
  1999,
  2024,
  12000,
  1_000_000_000_000,
  true,
  false,
  null,
  [],
  ['VIP'],
  ['0912345678', '0912-345-678'],
  { month: 2, day: 29, year: null },
  { month: 2, day: 29, year: 2024 },
];

const enumOptions = (schema: z.ZodType): unknown[] => {
  const unwrapped = schema instanceof z.ZodDefault || schema instanceof z.ZodNullable || schema instanceof z.ZodOptional ? schema.unwrap() : schema;
  return unwrapped instanceof z.ZodEnum ? (unwrapped.options as unknown[]) : [];
};

/** Every field valid (but as hostile as its schema allows): these reach the handlers' own code. */
export const validInput = (schema: z.ZodType, ids: readonly string[], depth = 0): fc.Arbitrary<unknown> => {
  const unwrapped = schema instanceof z.ZodDefault || schema instanceof z.ZodOptional ? schema.unwrap() : schema;
  if (unwrapped instanceof z.ZodObject && depth < 3) {
    const shape = unwrapped.shape as Record<string, z.ZodType>;
    const required = Object.keys(shape).filter((key) => !shape[key]!.safeParse(undefined).success);
    return fc.record(Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, validInput(field, ids, depth + 1)])), { requiredKeys: required });
  }
  const accepted = [...plausiblePool(ids), ...enumOptions(schema)].filter((candidate) => schema.safeParse(candidate).success);
  if (accepted.length === 0) return adversarialValue(ids);
  // A field that takes our ids is most likely an id: real ones reach the handler's own checks.
  const acceptedIds = accepted.filter((candidate) => ids.includes(candidate as string));
  return acceptedIds.length > 0
    ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...acceptedIds) }, { weight: 1, arbitrary: fc.constantFrom(...accepted) })
    : fc.constantFrom(...accepted);
};

/** A valid input with exactly one field replaced by something hostile. */
const nearlyValidInput = (schema: z.ZodType, ids: readonly string[]): fc.Arbitrary<unknown> => {
  const unwrapped = schema instanceof z.ZodDefault ? schema.unwrap() : schema;
  if (!(unwrapped instanceof z.ZodObject)) return adversarialValue(ids);
  const keys = Object.keys(unwrapped.shape as object);
  if (keys.length === 0) return adversarialValue(ids);
  return fc.tuple(validInput(schema, ids), fc.constantFrom(...keys), adversarialValue(ids)).map(([valid, key, hostile]) => ({
    ...(valid as object),
    [key]: hostile,
  }));
};

export const anyInput = (schema: z.ZodType, ids: readonly string[]): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 3, arbitrary: validInput(schema, ids) },
    { weight: 3, arbitrary: nearlyValidInput(schema, ids) },
    { weight: 2, arbitrary: shapedInput(schema, ids) },
    { weight: 1, arbitrary: fc.anything({ withObjectString: true, withNullPrototype: true }) },
  );
