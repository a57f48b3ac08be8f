import { pinyin } from 'pinyin-pro';
import { charsOf, foldForSearch, hasCjk, isCjk } from './text';

/**
 * Spelled keys of a name, for searches typed without the name's own characters or punctuation:
 * pinyin with and without spaces ("linmeihua", "lin mei" → 林美華), pinyin initials ("lmh"), Latin
 * names without their punctuation ("obrien" → O'Brien, "maryann" → Mary-Ann) and emoji (🌸). A
 * search matches a key by its start, so each key begins at one word or syllable of the name:
 * 林美華 → linmeihua, meihua, hua, lmh, mh; "Patrick O'Brien" → patrickobrien, obrien.
 */

const han = /\p{Script=Han}/u;
const pictograph = /\p{Extended_Pictographic}/u;
/** Letters, digits and emoji are what a search key keeps; everything else (space, ', -, .) goes. */
const tokenPattern = /[\p{L}\p{N}]+|\p{Extended_Pictographic}/gu;

/** Below this length a key adds nothing the name grams do not already find. */
const shortestKey = 2;

/** Han characters as pinyin syllables (pinyin-pro reads Traditional and Simplified alike). */
const syllablesOf = (word: string): string[] => {
  const chars = charsOf(word);
  const spelled = pinyin(word, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive' });
  // pinyin-pro returns one entry per Han character and keeps runs of other characters together.
  if (spelled.length !== chars.length) return chars.map((char) => (han.test(char) ? pinyin(char, { toneType: 'none' }) : char));
  return spelled.map((syllable) => syllable.toLowerCase());
};

interface Token {
  text: string;
  /** True for a pinyin syllable, whose first letter joins the initials key. */
  spelled: boolean;
}

const tokensOf = (name: string): Token[] => {
  const tokens: Token[] = [];
  for (const match of foldForSearch(name).matchAll(tokenPattern)) {
    const word = match[0];
    if (!hasCjk(word)) {
      tokens.push({ text: word, spelled: false });
      continue;
    }
    for (const piece of syllablesOf(word)) {
      // Kana and hangul have no pinyin, and a CJK query never reaches the keys: leave them out.
      if (piece.length === 0 || isCjk(piece)) continue;
      tokens.push({ text: piece.replace('ü', 'u'), spelled: /^[a-zü]+$/u.test(piece) });
    }
  }
  return tokens;
};

const keysFrom = (pieces: readonly string[], into: Set<string>): void => {
  for (let start = 0; start < pieces.length; start += 1) {
    const key = pieces.slice(start).join('');
    if (charsOf(key).length >= shortestKey || pictograph.test(key)) into.add(key);
  }
};

export const nameSearchKeys = (name: string): string[] => {
  const tokens = tokensOf(name);
  const keys = new Set<string>();
  keysFrom(
    tokens.map((token) => token.text),
    keys,
  );
  if (tokens.some((token) => token.spelled)) {
    keysFrom(
      tokens.filter((token) => token.spelled || pictograph.test(token.text)).map((token) => (token.spelled ? token.text.slice(0, 1) : token.text)),
      keys,
    );
  }
  return [...keys];
};

/**
 * The key a search is looked up by, or null when the keys cannot help: CJK queries are answered
 * by the name's own characters, digits by the phone lookup, and a single letter by the grams.
 */
export const querySearchKey = (query: string): string | null => {
  const folded = foldForSearch(query);
  if (hasCjk(folded)) return null;
  const key = [...folded.matchAll(tokenPattern)].map((match) => match[0].replace('ü', 'u')).join('');
  if (/^\d*$/.test(key)) return null;
  return charsOf(key).length >= shortestKey || pictograph.test(key) ? key : null;
};

/** The upper end of the key range that starts with `key`: every longer key sorts below it. */
export const keyRangeEnd = (key: string): string => `${key}\u{10FFFF}`;
