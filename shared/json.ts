/**
 * Stored JSON text as a value; undefined where the text is not JSON (a book edited by hand, or a
 * column written by an older version), so the caller falls back instead of failing the read.
 */
export const parseStoredJson = (text: string | null): unknown => {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};
