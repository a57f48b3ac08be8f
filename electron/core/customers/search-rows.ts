import { nameGrams } from '../../../shared/search';
import { nameSearchKeys } from '../../../shared/search-keys';
import type { Db } from '../db/connection';
import { replaceNameGrams, replaceNameKeys, searchSourcesOf, setSearchColumns } from './queries';

/**
 * Makes these customers' search rows again from their name, phones and tags as stored: for records
 * written by another device (sync), which arrive as rows, not through the customer writer.
 */
export const reindexCustomerSearch = (db: Db, customerIds: readonly string[]): void => {
  for (const source of searchSourcesOf(db, customerIds)) {
    setSearchColumns(db, source.id, source.search_phones, source.search_tags);
    replaceNameGrams(db, source.rid, nameGrams(source.name));
    replaceNameKeys(db, source.rid, nameSearchKeys(source.name));
  }
};

/** Removes a customer's name search rows before their record goes (another device deleted or merged them away). */
export const forgetCustomerSearch = (db: Db, rid: number): void => {
  replaceNameGrams(db, rid, []);
  replaceNameKeys(db, rid, []);
};
