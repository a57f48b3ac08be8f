import { charsOf, editDistance, foldForSearch, hasCjk, isCjk, nameKey, wordsOf } from './text';

/** Below this many characters SQLite's trigram index cannot answer; the name-grams index does. */
export const trigramMinLength = 3;

/**
 * Index entries for 1–2 character searches on names: every CJK character and pair of adjacent CJK
 * characters ("王小明" → 王, 小, 明, 王小, 小明), and the 1–2 letter start of each Latin word
 * ("Li Wei" → l, li, w, we).
 */
export const nameGrams = (name: string): string[] => {
  const grams = new Set<string>();
  for (const word of wordsOf(foldForSearch(name))) {
    const chars = charsOf(word);
    if (hasCjk(word)) {
      chars.forEach((char, index) => {
        if (!isCjk(char)) return;
        grams.add(char);
        const next = chars[index + 1];
        if (next !== undefined && isCjk(next)) grams.add(char + next);
      });
    } else {
      grams.add(chars.slice(0, 1).join(''));
      if (chars.length >= 2) grams.add(chars.slice(0, 2).join(''));
    }
  }
  return [...grams];
};

export type SearchPlan =
  | { kind: 'empty' }
  /** Digits only: phone suffix lookup first, then any substring through full-text search. */
  | { kind: 'digits'; digits: string; ftsQuery: string | null }
  /** Only 1–2 character words: the name-grams index, other short words filter the result. */
  | { kind: 'grams'; gram: string; filters: string[] }
  /** Full-text search on the long words; short words filter the result. */
  | { kind: 'fulltext'; ftsQuery: string; filters: string[] };

const phoneish = /^[\d\s()+\-.]+$/;

/** An FTS5 phrase for one word: quoted so that user text can never be read as query syntax. */
const ftsPhrase = (word: string): string => `"${word.replaceAll('"', '""')}"`;

export const planSearch = (rawQuery: string): SearchPlan => {
  const folded = foldForSearch(rawQuery);
  if (folded.length === 0) return { kind: 'empty' };
  if (phoneish.test(folded)) {
    const digits = folded.replace(/\D/g, '');
    if (digits.length > 0) {
      return { kind: 'digits', digits, ftsQuery: digits.length >= trigramMinLength ? ftsPhrase(digits) : null };
    }
  }
  const words = folded.split(' ').filter((word) => word.length > 0);
  const long = words.filter((word) => charsOf(word).length >= trigramMinLength);
  // Short words filter on the name key, which keeps only letters and digits: fold them alike.
  const short = words
    .filter((word) => charsOf(word).length < trigramMinLength)
    .map((word) => wordsOf(word).join(''))
    .filter((word) => word.length > 0);
  if (long.length > 0) return { kind: 'fulltext', ftsQuery: long.map(ftsPhrase).join(' '), filters: short };
  const [gram, ...filters] = short;
  return gram === undefined ? { kind: 'empty' } : { kind: 'grams', gram, filters };
};

/** True when two names are likely the same person's: same key, or one slip apart. */
export const namesLookAlike = (left: string, right: string): boolean => {
  const a = nameKey(left);
  const b = nameKey(right);
  if (a.length === 0 || b.length === 0) return false;
  if (a === b) return true;
  const shorter = Math.min(charsOf(a).length, charsOf(b).length);
  if (shorter < 2) return false;
  const allowed = hasCjk(a) || shorter < 8 ? 1 : 2;
  return editDistance(a, b) <= allowed;
};
