import type { CustomerSummary } from '../../../shared/contract/customers';
import { normalisePhone, reverseDigits } from '../../../shared/phone';
import { planSearch } from '../../../shared/search';
import { querySearchKey } from '../../../shared/search-keys';
import type { Db } from '../db/connection';
import { toSummaries } from './present';
import { rowsInOrder, searchByFullText, searchByGram, searchByKeyPrefix, searchByPhoneSuffix, type SearchMatch } from './search-queries';

export interface SearchOptions {
  includeArchived: boolean;
  limit: number;
  shopCountry: string;
}

/** Customers the plan of the query finds, most recently seen first. */
const byPlan = (db: Db, query: string, options: SearchOptions, wanted: number): SearchMatch[] => {
  const plan = planSearch(query);
  switch (plan.kind) {
    case 'empty':
      return [];
    case 'digits': {
      const national = normalisePhone(plan.digits, options.shopCountry).national;
      const prefixes = [...new Set([reverseDigits(plan.digits), reverseDigits(national)])];
      const rows = searchByPhoneSuffix(db, prefixes, options.includeArchived, wanted);
      if (plan.ftsQuery === null || rows.length >= wanted) return rows;
      const seen = new Set(rows.map((row) => row.rid));
      const anywhere = searchByFullText(db, plan.ftsQuery, [], options.includeArchived, wanted);
      return [...rows, ...anywhere.filter((row) => !seen.has(row.rid))].slice(0, wanted);
    }
    case 'grams':
      return searchByGram(db, plan.gram, plan.filters, options.includeArchived, wanted);
    case 'fulltext':
      return searchByFullText(db, plan.ftsQuery, plan.filters, options.includeArchived, wanted);
  }
};

/** Two lists each sorted most recently seen first, as one such list without repeats. */
const mergeByLastSeen = (left: readonly SearchMatch[], right: readonly SearchMatch[], wanted: number): SearchMatch[] => {
  const byRid = new Map([...left, ...right].map((match) => [match.rid, match]));
  return [...byRid.values()].sort((a, b) => (a.lastSeenAt < b.lastSeenAt ? 1 : a.lastSeenAt > b.lastSeenAt ? -1 : b.rid - a.rid)).slice(0, wanted);
};

/**
 * Search-as-you-type. Digits look for phone endings first ("5678" finds 0912-345-678), then any
 * field containing them; 1–2 character words use the name-grams index; longer words the trigram
 * index (CJK substrings, accent- and case-insensitive Latin). Letters and emoji also look up the
 * spelled keys of names by their start: pinyin and its initials ("lmh", "lin mei" → 林美華) and
 * names without punctuation ("obrien" → O'Brien).
 */
export const searchCustomers = (db: Db, query: string, options: SearchOptions): { rows: CustomerSummary[]; more: boolean } => {
  const wanted = options.limit + 1;
  const planned = byPlan(db, query, options, wanted);
  const key = querySearchKey(query);
  const matches = key === null ? planned : mergeByLastSeen(planned, searchByKeyPrefix(db, key, options.includeArchived, wanted), wanted);
  // Only the customers shown are read: the two ways of matching are merged on what their indexes hold.
  const shown = rowsInOrder(db, matches.slice(0, options.limit).map((match) => match.rid));
  return { rows: toSummaries(db, shown), more: matches.length > options.limit };
};
