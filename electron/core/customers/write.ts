import type { CustomerFields } from '../../../shared/contract/customers';
import { normalisePhone, phoneMatchKey, reverseDigits } from '../../../shared/phone';
import { nameGrams } from '../../../shared/search';
import { foldForSearch, nameKey } from '../../../shared/text';
import type { Db } from '../db/connection';
import { replaceNameGrams, replacePhones, replaceTags, type CustomerWrite, type PhoneWrite } from './queries';

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

export const toCustomerWrite = (id: string, fields: CustomerFields, createdAt: string, updatedAt: string): CustomerWrite => ({
  id,
  name: fields.name,
  name_key: nameKey(fields.name),
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
});

/** One entry per label, whatever its case or width: "VIP" and "ｖｉｐ" are the same tag. */
const labelsOf = (kind: 'tag' | 'interest', values: readonly string[]) => {
  const labels = new Map<string, { kind: 'tag' | 'interest'; value: string; key: string }>();
  for (const value of values) {
    const key = foldForSearch(value);
    if (!labels.has(key)) labels.set(key, { kind, value, key });
  }
  return [...labels.values()];
};

/** Phones, tags and the short-search grams: everything that hangs off a customer row. */
export const writeCustomerParts = (db: Db, id: string, rid: number, fields: CustomerFields, shopCountry: string): void => {
  const phones = new Map<string, PhoneWrite>();
  for (const raw of fields.phones) {
    const phone = toPhoneWrite(raw, shopCountry);
    if (!phones.has(phone.match_key)) phones.set(phone.match_key, phone);
  }
  replacePhones(db, id, [...phones.values()]);
  replaceTags(db, id, [...labelsOf('tag', fields.tags), ...labelsOf('interest', fields.interests)]);
  replaceNameGrams(db, rid, nameGrams(fields.name));
};
