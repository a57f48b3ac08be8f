import { normalisePhone } from '../../../shared/phone';
import type { Db } from '../db/connection';
import { customerParts, getCustomerRow, readCustomerDetail, setCustomerArchived, toCustomerWrite, updateCustomer, writeCustomerParts } from '../customers';
import { nameVariant, type NameScript } from './names';
import type { Random } from './random';

export interface SeededCustomer {
  id: string;
  rid: number;
}

/** Share of customers entered a second time, and share archived. */
const duplicateShare = 0.01;
const archivedShare = 0.01;

/**
 * The everyday mess the owner's tools exist for: a few regulars entered twice (the same phone written
 * the international way, a name one slip away, history on both records), and a few customers
 * archived. Runs after the main seed from the same Random, so the same seed gives the same book.
 */
export const seedDuplicatesAndArchive = (
  db: Db,
  random: Random,
  customers: readonly SeededCustomer[],
  options: { country: string; script: NameScript; end: number },
): { duplicates: number; archived: number } => {
  if (customers.length < 20) return { duplicates: 0, archived: 0 };
  const order = customers.map((_, index) => index);
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const pairs = Math.max(1, Math.round(customers.length * duplicateShare));
  const archived = Math.max(1, Math.round(customers.length * archivedShare));

  for (let pair = 0; pair < pairs; pair += 1) {
    const original = readCustomerDetail(db, customers[order[2 * pair]!]!.id, 'owner')!;
    const second = customers[order[2 * pair + 1]!]!;
    const row = getCustomerRow(db, second.id)!;
    const copy = readCustomerDetail(db, second.id, 'owner')!;
    const phone = original.phones[0];
    const fields = {
      ...copy,
      name: nameVariant(random, original.name, options.script),
      phones: phone ? [phone.e164 ?? normalisePhone(phone.display, options.country).display] : [],
      email: original.email !== '' && random.chance(0.5) ? original.email : copy.email,
    };
    const parts = customerParts(fields, options.country);
    updateCustomer(db, toCustomerWrite(second.id, fields, parts, row.created_at, row.updated_at));
    writeCustomerParts(db, second.id, second.rid, parts);
  }

  for (let index = 2 * pairs; index < 2 * pairs + archived && index < order.length; index += 1) {
    const customer = getCustomerRow(db, customers[order[index]!]!.id)!;
    const from = Date.parse(customer.created_at);
    const at = new Date(from + random.next() * Math.max(0, options.end - from)).toISOString();
    setCustomerArchived(db, customer.id, at, at);
  }
  return { duplicates: pairs, archived };
};
