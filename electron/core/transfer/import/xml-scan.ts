/**
 * A quick reader for the plain XML that spreadsheet programs write into a workbook's parts. A
 * 100,000-row sheet is millions of tags; a general XML parser reading it one character at a time
 * was most of an .xlsx import. This one finds tags with indexOf and a regular expression, and
 * reads only the well-formed subset such parts are made of: elements with quoted attributes, text
 * with the five XML entities and character references, CDATA, comments and processing
 * instructions. On anything else (a DOCTYPE, an unknown entity, a misnested tag, a stray "<") it
 * answers false having read nothing worth keeping, and the caller reads the part again with the
 * full parser, which decides whether it is damaged.
 */

export interface XmlTag {
  /** The element's name as written, prefix included. */
  name: string;
  attributes: Record<string, string>;
}

export interface XmlHandlers {
  open?: (tag: XmlTag) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
}

const openTag = /<([A-Za-z_:][\w.:-]*)((?:\s+[A-Za-z_:][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;
const closeTag = /<\/([A-Za-z_:][\w.:-]*)\s*>/y;
const entityPattern = /&([^;&]*);?/g;
const namedEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

class LeftToParser extends Error {}

/** A code point XML allows as a character. */
const isXmlChar = (code: number): boolean =>
  code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);

const entityText = (entity: string): string => {
  const named = namedEntities[entity];
  if (named !== undefined) return named;
  const reference = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/.exec(entity);
  if (reference === null) throw new LeftToParser();
  const code = reference[1] === undefined ? Number.parseInt(reference[2] as string, 10) : Number.parseInt(reference[1], 16);
  if (!isXmlChar(code) || /^#x?0/.test(entity)) throw new LeftToParser();
  return String.fromCodePoint(code);
};

/** Text with its entities read; an entity the quick reader does not know leaves the part to the parser. */
const decoded = (text: string): string =>
  text.includes('&')
    ? text.replace(entityPattern, (whole: string, entity: string) => {
        if (!whole.endsWith(';')) throw new LeftToParser();
        return entityText(entity);
      })
    : text;

/** Text with its entities read, or null when it holds one the quick reader does not know. */
export const entitiesRead = (text: string): string | null => {
  try {
    return decoded(text);
  } catch (caught) {
    if (caught instanceof LeftToParser) return null;
    throw caught;
  }
};

/** What `\s` matches, without a regular expression for the common (ASCII) case. */
const isSpace = (code: number): boolean => (code <= 0x20 ? code === 0x20 || (code >= 0x9 && code <= 0xd) : code >= 0xa0 && /\s/.test(String.fromCharCode(code)));

/**
 * The attributes of an open tag. `written` matched the open tag's pattern, so it is nothing but
 * (\s+ name \s* = \s* "value" or 'value') repeated: read by position, not by a regular expression —
 * a sheet of 100,000 rows has a million tags, and matching each tag's attributes again was a third
 * of reading it.
 */
const attributesOf = (written: string): Record<string, string> => {
  const attributes: Record<string, string> = {};
  const end = written.length;
  let at = 0;
  while (at < end) {
    while (at < end && isSpace(written.charCodeAt(at))) at += 1;
    if (at === end) break;
    const nameStart = at;
    while (written.charCodeAt(at) !== 0x3d /* = */ && !isSpace(written.charCodeAt(at))) at += 1;
    const name = written.slice(nameStart, at);
    while (written.charCodeAt(at) !== 0x3d) at += 1;
    at += 1;
    while (isSpace(written.charCodeAt(at))) at += 1;
    const close = written.indexOf(written.charAt(at), at + 1);
    const value = written.slice(at + 1, close);
    at = close + 1;
    if (name in attributes || /[\t\n\r]/.test(value)) throw new LeftToParser();
    attributes[name] = decoded(value);
  }
  return attributes;
};

/**
 * Reads `xml`, calling the handlers as the full parser would (text may arrive in other pieces, so
 * handlers must join what they collect). False when the part is not one this reader takes on:
 * the handlers may then have seen part of it, and the caller starts again with fresh ones.
 */
export const scanXml = (xml: string, handlers: XmlHandlers): boolean => {
  try {
    scan(xml, handlers);
    return true;
  } catch (caught) {
    if (caught instanceof LeftToParser) return false;
    throw caught;
  }
};

const scan = (xml: string, handlers: XmlHandlers): void => {
  const stack: string[] = [];
  let sawRoot = false;
  let at = 0;
  const text = (piece: string): void => {
    if (piece === '') return;
    if (stack.length === 0) {
      // Only whitespace may stand outside the root element.
      if (/\S/.test(piece)) throw new LeftToParser();
      return;
    }
    if (handlers.text) handlers.text(decoded(piece));
    else if (piece.includes('&')) decoded(piece);
  };
  if (xml.charCodeAt(0) === 0xfeff) throw new LeftToParser();
  while (at < xml.length) {
    const next = xml.indexOf('<', at);
    if (next === -1) {
      text(xml.slice(at));
      break;
    }
    // Most tags of a sheet follow one another with no text between.
    if (next > at) text(xml.slice(at, next));
    const kind = xml.charCodeAt(next + 1);
    if (kind === 0x2f /* / */) {
      closeTag.lastIndex = next;
      const match = closeTag.exec(xml);
      if (match === null || stack.pop() !== match[1]) throw new LeftToParser();
      handlers.close?.(match[1] as string);
      at = closeTag.lastIndex;
    } else if (kind === 0x3f /* ? */) {
      const end = xml.indexOf('?>', next + 2);
      if (end === -1 || stack.length > 0) throw new LeftToParser();
      at = end + 2;
    } else if (kind === 0x21 /* ! */) {
      if (xml.startsWith('<!--', next)) {
        const end = xml.indexOf('-->', next + 4);
        if (end === -1) throw new LeftToParser();
        at = end + 3;
      } else if (xml.startsWith('<![CDATA[', next) && stack.length > 0) {
        const end = xml.indexOf(']]>', next + 9);
        if (end === -1) throw new LeftToParser();
        const data = xml.slice(next + 9, end);
        if (data !== '') handlers.text?.(data);
        at = end + 3;
      } else throw new LeftToParser();
    } else {
      openTag.lastIndex = next;
      const match = openTag.exec(xml);
      if (match === null || (stack.length === 0 && sawRoot)) throw new LeftToParser();
      const name = match[1] as string;
      sawRoot = true;
      if (handlers.open) handlers.open({ name, attributes: attributesOf(match[2] as string) });
      else attributesOf(match[2] as string);
      if (match[3] === '/') handlers.close?.(name);
      else stack.push(name);
      at = openTag.lastIndex;
    }
  }
  if (stack.length > 0 || !sawRoot) throw new LeftToParser();
};
