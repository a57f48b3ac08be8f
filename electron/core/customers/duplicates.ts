import type { DuplicateCandidate, DuplicateReason } from '../../../shared/contract/customers';
import { looksLikePhone } from '../../../shared/phone';
import { nameGrams, namesLookAlike, trigramMinLength } from '../../../shared/search';
import { charsOf, foldForSearch, hasCjk, nameKey, wordsOf } from '../../../shared/text';
import type { Db } from '../db/connection';
import {
  customersMatchingNameWords,
  customersSharingCharacters,
  customersWithEmailKey,
  customersWithNameKey,
  customersWithPhone,
} from './duplicate-queries';
import { toSummaries } from './present';
import type { DbCustomerListRow } from './rows';
import { emailKey, toPhoneWrite } from './write';

export interface DuplicateProbe {
  name: string;
  phones: readonly string[];
  email: string;
  excludeId: string | null;
}

const maxCandidates = 5;

/** Two numbers ending in the same 8 digits are almost surely one line written two ways (0912… / +886 912…). */
const sameLineDigits = 8;

/** Customers a new entry may duplicate: same phone line, same e-mail, or a name one slip away. */
export const findDuplicates = (db: Db, probe: DuplicateProbe, shopCountry: string): DuplicateCandidate[] => {
  const found = new Map<string, { row: DbCustomerListRow; reasons: Set<DuplicateReason> }>();
  const add = (rows: readonly DbCustomerListRow[], reason: DuplicateReason) => {
    for (const row of rows) {
      if (row.id === probe.excludeId) continue;
      const entry = found.get(row.id) ?? { row, reasons: new Set<DuplicateReason>() };
      entry.reasons.add(reason);
      found.set(row.id, entry);
    }
  };

  const phones = probe.phones.filter(looksLikePhone).map((raw) => toPhoneWrite(raw, shopCountry));
  if (phones.length > 0) {
    const endings = phones.map((phone) => phone.national_reversed).filter((reversed) => reversed.length >= sameLineDigits);
    add(customersWithPhone(db, phones.map((phone) => phone.match_key), endings.map((reversed) => reversed.slice(0, sameLineDigits))), 'phone');
  }
  const email = emailKey(probe.email);
  if (email !== '') add(customersWithEmailKey(db, email), 'email');
  const key = nameKey(probe.name);
  if (key !== '') {
    add(customersWithNameKey(db, key), 'name');
    add(lookAlikeNames(db, probe.name), 'name');
  }

  const strength = (reasons: Set<DuplicateReason>) => (reasons.has('phone') ? 4 : 0) + (reasons.has('email') ? 2 : 0) + reasons.size;
  const ranked = [...found.values()].sort((a, b) => strength(b.reasons) - strength(a.reasons)).slice(0, maxCandidates);
  const summaries = toSummaries(db, ranked.map((entry) => entry.row));
  return ranked.map((entry, index) => ({ customer: summaries[index]!, reasons: [...entry.reasons] }));
};

const lookAlikeNames = (db: Db, name: string): DbCustomerListRow[] => {
  const folded = foldForSearch(name);
  let candidates: DbCustomerListRow[];
  if (hasCjk(folded)) {
    const characters = nameGrams(name).filter((gram) => charsOf(gram).length === 1);
    const length = charsOf(nameKey(name)).length;
    if (characters.length === 0) return [];
    candidates = customersSharingCharacters(db, characters, Math.max(1, characters.length - 1), length - 1, length + 1);
  } else {
    const words = wordsOf(folded).filter((word) => charsOf(word).length >= trigramMinLength);
    if (words.length === 0) return [];
    candidates = customersMatchingNameWords(db, `name : (${words.map((word) => `"${word}"`).join(' OR ')})`);
  }
  return candidates.filter((candidate) => namesLookAlike(candidate.name, name));
};
