const combiningMarks = /\p{M}+/gu;
/** Control characters (NUL, bell, …) mean nothing in a search and end an FTS5 string early. */
const controlCharacters = /\p{Cc}+/gu;
const cjkChar = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * Printable ASCII and CJK unified ideographs (U+4E00–U+9FFF): no normalisation changes these
 * characters, none is a control character or carries an accent, and only ASCII letters have a
 * case, so text made of them alone folds by lower case and spaces. Most names, tags and e-mails
 * are such text; an import folds each several times (test/unit/text-and-search.test.ts holds the
 * shortcut to the full folding for every such character).
 */
const plainText = /^[\x20-\x7e\u4e00-\u9fff]*$/;

/**
 * The one folding used for matching: full-width → half-width (NFKC), accents removed, lower case,
 * runs of white space collapsed. SQLite's trigram tokenizer folds the same way (remove_diacritics).
 */
export const foldForSearch = (text: string): string => (plainText.test(text) ? text.toLowerCase().replace(/ {2,}/g, ' ').trim() : foldFully(text));

const foldFully = (text: string): string =>
  text
    .replace(controlCharacters, ' ')
    .normalize('NFKC')
    .normalize('NFD')
    .replace(combiningMarks, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

export const isCjk = (char: string): boolean => cjkChar.test(char);

export const hasCjk = (text: string): boolean => cjkChar.test(text);

/** Characters of a string as the user sees them (surrogate pairs kept whole). */
export const charsOf = (text: string): string[] => Array.from(text);

/** Words of folded text: CJK runs and Latin/digit runs, punctuation dropped. */
export const wordsOf = (folded: string): string[] => folded.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);

/**
 * A key that is equal for names that are plainly the same person's name:
 * "Chen Wei", "wei  chen" and "Chén Wei" share one key; CJK names keep their character order.
 */
export const nameKey = (name: string): string => {
  const words = wordsOf(foldForSearch(name));
  const latin = words.filter((word) => !hasCjk(word)).sort();
  const cjk = words.filter((word) => hasCjk(word));
  return [...cjk, ...latin].join('');
};

/** Edit distance (insert/delete/substitute), on user-visible characters. */
export const editDistance = (a: string, b: string): number => {
  const left = charsOf(a);
  const right = charsOf(b);
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let i = 1; i <= left.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= right.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (left[i - 1] === right[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[right.length] ?? 0;
};
