import type { Db } from '../db/connection';
import { phonesWithoutCountry, refreshSearchPhones, rewritePhone } from './phone-country-queries';
import { toPhoneWrite } from './write';

/**
 * When the owner chooses (or changes) the shop's country, the phone numbers no earlier country could
 * read — a Taiwanese 0912 345 678 in a book that thought it was American — are read again for it, so
 * they match, deduplicate and dial like numbers typed today. Numbers already read keep their country.
 * Answers how many were read.
 */
export const readPhonesForCountry = (db: Db, country: string): number => {
  const touched = new Set<string>();
  let read = 0;
  for (const phone of phonesWithoutCountry(db)) {
    const phoneWrite = toPhoneWrite(phone.display, country);
    if (phoneWrite.e164 === null) continue;
    rewritePhone(db, phone.customer_id, phone.position, phoneWrite);
    touched.add(phone.customer_id);
    read += 1;
  }
  for (const customerId of touched) refreshSearchPhones(db, customerId);
  return read;
};
