import type { CustomerSummary } from '../../../shared/contract/customers';
import { normalisePhone, reverseDigits } from '../../../shared/phone';
import { planSearch } from '../../../shared/search';
import type { Db } from '../db/connection';
import { toSummaries } from './present';
import type { DbCustomerListRow } from './rows';
import { searchByFullText, searchByGram, searchByPhoneSuffix } from './search-queries';

export interface SearchOptions {
  includeArchived: boolean;
  limit: number;
  shopCountry: string;
}

/**
 * Search-as-you-type. Digits look for phone endings first ("5678" finds 0912-345-678), then any
 * field containing them; 1–2 character words use the name-grams index; longer words the trigram
 * index (CJK substrings, accent- and case-insensitive Latin).
 */
export const searchCustomers = (db: Db, query: string, options: SearchOptions): { rows: CustomerSummary[]; more: boolean } => {
  const plan = planSearch(query);
  const wanted = options.limit + 1;
  let rows: DbCustomerListRow[];
  switch (plan.kind) {
    case 'empty':
      return { rows: [], more: false };
    case 'digits': {
      const national = normalisePhone(plan.digits, options.shopCountry).national;
      const prefixes = [...new Set([reverseDigits(plan.digits), reverseDigits(national)])];
      rows = searchByPhoneSuffix(db, prefixes, options.includeArchived, wanted);
      if (plan.ftsQuery !== null && rows.length < wanted) {
        const seen = new Set(rows.map((row) => row.id));
        const anywhere = searchByFullText(db, plan.ftsQuery, [], options.includeArchived, wanted);
        rows = [...rows, ...anywhere.filter((row) => !seen.has(row.id))].slice(0, wanted);
      }
      break;
    }
    case 'grams':
      rows = searchByGram(db, plan.gram, plan.filters, options.includeArchived, wanted);
      break;
    case 'fulltext':
      rows = searchByFullText(db, plan.ftsQuery, plan.filters, options.includeArchived, wanted);
      break;
  }
  return { rows: toSummaries(db, rows.slice(0, options.limit)), more: rows.length > options.limit };
};
