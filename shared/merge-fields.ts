import type { CustomerDetail, CustomerFieldsInput } from './contract/customers';

/**
 * How the merge screen composes the survivor's fields from two records: each field comes from one
 * side, and the lists (phones, tags, interests) and the notes may take both.
 */
export const mergeFieldNames = [
  'name',
  'phones',
  'email',
  'birthday',
  'address',
  'gender',
  'tags',
  'interests',
  'notes',
  'source',
  'needType',
  'ownerStaffId',
  'consentToContact',
] as const;
export type MergeFieldName = (typeof mergeFieldNames)[number];

export type MergeSide = 'survivor' | 'absorbed';
export type MergeChoice = MergeSide | 'both';
export type MergeChoices = Record<MergeFieldName, MergeChoice>;

const combinable = new Set<MergeFieldName>(['phones', 'tags', 'interests', 'notes']);

export const canCombine = (field: MergeFieldName): boolean => combinable.has(field);

type Comparable = Pick<CustomerDetail, MergeFieldName>;

const isEmpty = (value: unknown): boolean => value === null || value === '' || value === false || (Array.isArray(value) && value.length === 0);

/** Whether a record has anything in a field (a "No" to contact counts as nothing to keep). */
export const hasValue = (value: unknown): boolean => !isEmpty(value);

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** What a field says, for telling two records apart: a phone by its number, however it was written (0912-345-678, +886 912 345 678). */
const meaningOf = (record: Comparable, field: MergeFieldName): unknown =>
  field === 'phones' ? record.phones.map((phone) => phone.e164 ?? phone.display) : record[field];

/** Whether the two records disagree on a field (the screen highlights those). */
export const differs = (survivor: Comparable, absorbed: Comparable, field: MergeFieldName): boolean => !sameValue(meaningOf(survivor, field), meaningOf(absorbed, field));

/**
 * A sensible start: keep the survivor's value unless it is empty and the other record has one;
 * take both of the lists and notes when they differ, so nothing is dropped unless the owner says so.
 */
export const defaultChoices = (survivor: Comparable, absorbed: Comparable): MergeChoices =>
  Object.fromEntries(
    mergeFieldNames.map((field): [MergeFieldName, MergeChoice] => {
      if (!differs(survivor, absorbed, field)) return [field, 'survivor'];
      if (canCombine(field) && !isEmpty(survivor[field]) && !isEmpty(absorbed[field])) return [field, 'both'];
      return [field, isEmpty(survivor[field]) && !isEmpty(absorbed[field]) ? 'absorbed' : 'survivor'];
    }),
  ) as MergeChoices;

const unique = <T>(items: readonly T[], key: (item: T) => string): T[] => {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
};

const labelKey = (label: string): string => label.normalize('NFKC').toLowerCase();

/** The survivor's fields after the merge, as the merge handler takes them. */
export const mergedFields = (survivor: CustomerDetail, absorbed: CustomerDetail, choices: MergeChoices): CustomerFieldsInput => {
  const pick = <F extends MergeFieldName>(field: F): CustomerDetail[F] => (choices[field] === 'absorbed' ? absorbed[field] : survivor[field]);
  const list = (field: 'tags' | 'interests'): string[] =>
    choices[field] === 'both' ? unique([...survivor[field], ...absorbed[field]], labelKey) : pick(field);
  const phones = choices.phones === 'both' ? unique([...survivor.phones, ...absorbed.phones], (phone) => phone.e164 ?? phone.display) : pick('phones');
  const notes = choices.notes === 'both' ? [survivor.notes, absorbed.notes].filter((note) => note.trim() !== '').join('\n\n') : pick('notes');
  return {
    name: pick('name'),
    phones: phones.map((phone) => phone.display),
    email: pick('email'),
    birthday: pick('birthday'),
    address: pick('address'),
    gender: pick('gender'),
    tags: list('tags'),
    interests: list('interests'),
    notes,
    source: pick('source'),
    needType: pick('needType'),
    ownerStaffId: pick('ownerStaffId'),
    consentToContact: pick('consentToContact'),
  };
};
