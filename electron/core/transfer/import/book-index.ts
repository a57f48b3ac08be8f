import type { Db } from '../../db/connection';
import { indexCustomers, indexPhones } from './queries';

/** Two numbers ending in the same 8 digits are one line written two ways, as at the counter. */
export const sameLineDigits = 8;

export interface IndexedCustomer {
  id: string;
  name: string;
}

/**
 * The book's customers by phone, e-mail and name key, held in memory for the length of one
 * import: an import of 100,000 rows asks it 100,000 times, far faster than a query per row.
 */
export class CustomerIndex {
  private readonly byPhoneKey = new Map<string, string>();
  private readonly byLineEnding = new Map<string, string>();
  private readonly byEmail = new Map<string, string>();
  private readonly byName = new Map<string, string[]>();
  private readonly names = new Map<string, string>();

  static ofBook(db: Db): CustomerIndex {
    const index = new CustomerIndex();
    for (const row of indexCustomers(db)) index.add(row.id, row.name, row.name_key, row.email_key, []);
    for (const phone of indexPhones(db)) index.addPhone(phone.customer_id, phone.match_key, phone.national_reversed);
    return index;
  }

  add(id: string, name: string, nameKey: string, emailKey: string, phones: readonly { match_key: string; national_reversed: string }[]): void {
    this.names.set(id, name);
    if (emailKey !== '' && !this.byEmail.has(emailKey)) this.byEmail.set(emailKey, id);
    if (nameKey !== '') {
      const list = this.byName.get(nameKey);
      if (list) list.push(id);
      else this.byName.set(nameKey, [id]);
    }
    for (const phone of phones) this.addPhone(id, phone.match_key, phone.national_reversed);
  }

  private addPhone(id: string, matchKey: string, nationalReversed: string): void {
    if (!this.byPhoneKey.has(matchKey)) this.byPhoneKey.set(matchKey, id);
    if (nationalReversed.length >= sameLineDigits) {
      const ending = nationalReversed.slice(0, sameLineDigits);
      if (!this.byLineEnding.has(ending)) this.byLineEnding.set(ending, id);
    }
  }

  nameOf(id: string): string {
    return this.names.get(id) ?? '';
  }

  byPhone(phones: readonly { match_key: string; national_reversed: string }[]): string | null {
    for (const phone of phones) {
      const id = this.byPhoneKey.get(phone.match_key) ?? (phone.national_reversed.length >= sameLineDigits ? this.byLineEnding.get(phone.national_reversed.slice(0, sameLineDigits)) : undefined);
      if (id !== undefined) return id;
    }
    return null;
  }

  byEmailKey(emailKey: string): string | null {
    return emailKey === '' ? null : (this.byEmail.get(emailKey) ?? null);
  }

  byNameKey(nameKey: string): readonly string[] {
    return nameKey === '' ? [] : (this.byName.get(nameKey) ?? []);
  }
}
