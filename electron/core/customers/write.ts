import type { CustomerFields } from '../../../shared/contract/customers';
import { normalisePhone, phoneMatchKey, reverseDigits } from '../../../shared/phone';
import { nameGrams } from '../../../shared/search';
import { nameSearchKeys } from '../../../shared/search-keys';
import { foldForSearch, nameKey } from '../../../shared/text';
import type { Db } from '../db/connection';
import { replaceNameGrams, replaceNameKeys, replacePhones, replaceTags, type CustomerWrite, type PhoneWrite } from './queries';

export const emailKey = (email: string): string => email.trim().toLowerCase();

export const toPhoneWrite = (raw: string, shopCountry: string): PhoneWrite => {
  const phone = normalisePhone(raw, shopCountry);
  return {
    display: phone.display,
    e164: phone.e164,
    match_key: phoneMatchKey(phone),
    national_reversed: reverseDigits(phone.national),
    search_digits: phone.searchDigits,
  };
};

interface Label {
  kind: 'tag' | 'interest';
  value: string;
  key: string;
}

/** What hangs off a customer row: phones (one per line), labels (one per folded value), name grams and spelled keys. */
export interface CustomerParts {
  phones: PhoneWrite[];
  labels: Label[];
  grams: string[];
  keys: string[];
}

/** One entry per label, whatever its case or width: "VIP" and "ｖｉｐ" are the same tag. */
const labelsOf = (kind: Label['kind'], values: readonly string[]): Label[] => {
  const labels = new Map<string, Label>();
  for (const value of values) {
    const key = foldForSearch(value);
    if (!labels.has(key)) labels.set(key, { kind, value, key });
  }
  return [...labels.values()];
};

/** A customer's labels: its tags, then its interests, one per folded value within each kind. */
export const labelsFor = (fields: Pick<CustomerFields, 'tags' | 'interests'>): Label[] => [...labelsOf('tag', fields.tags), ...labelsOf('interest', fields.interests)];

export const customerParts = (fields: CustomerFields, shopCountry: string): CustomerParts => {
  const phones = new Map<string, PhoneWrite>();
  for (const raw of fields.phones) {
    const phone = toPhoneWrite(raw, shopCountry);
    if (!phones.has(phone.match_key)) phones.set(phone.match_key, phone);
  }
  return {
    phones: [...phones.values()],
    labels: labelsFor(fields),
    grams: nameGrams(fields.name),
    keys: nameSearchKeys(fields.name),
  };
};

/** `nameKeyOfName`: the name's key, when the caller has it already (a bulk writer works it out once per name). */
export const toCustomerWrite = (id: string, fields: CustomerFields, parts: CustomerParts, createdAt: string, updatedAt: string, nameKeyOfName = nameKey(fields.name)): CustomerWrite => ({
  id,
  name: fields.name,
  name_key: nameKeyOfName,
  email: fields.email,
  email_key: emailKey(fields.email),
  birthday_month: fields.birthday?.month ?? null,
  birthday_day: fields.birthday?.day ?? null,
  birthday_year: fields.birthday?.year ?? null,
  address: fields.address,
  gender: fields.gender,
  notes: fields.notes,
  source: fields.source,
  need_type: fields.needType,
  owner_staff_id: fields.ownerStaffId,
  consent_contact: fields.consentToContact ? 1 : 0,
  created_at: createdAt,
  updated_at: updatedAt,
  search_phones: parts.phones.map((phone) => phone.search_digits).join(' '),
  search_tags: parts.labels.map((label) => label.value).join(' '),
});

/** Writes the parts of a customer whose row (and so its search entry) is already written. */
export const writeCustomerParts = (db: Db, id: string, rid: number, parts: CustomerParts): void => {
  replacePhones(db, id, parts.phones);
  replaceTags(db, id, parts.labels);
  replaceNameGrams(db, rid, parts.grams);
  replaceNameKeys(db, rid, parts.keys);
};
