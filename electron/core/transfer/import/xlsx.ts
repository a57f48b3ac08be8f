import { unzipSync } from 'fflate';
import sax from 'sax';
import type { FileRefusal } from '../../../../shared/errors';
import { columnIndex, readPlainSheetData, type CellText } from './sheet-cells';
import { scanXml, type XmlHandlers, type XmlTag } from './xml-scan';

/**
 * Reads the cells of one sheet of an Excel workbook (.xlsx: a zip of XML parts). The zip is
 * checked before anything is inflated — a small file that claims gigabytes, or whose parts shrink
 * by more than any spreadsheet does, is a zip bomb and refused — and each part is inflated into a
 * buffer of the size it declared, so a part that lies about its size cannot grow past it.
 * Dates become "2025-01-04" or "2025-01-04 14:30" (the shop's local time, as Excel shows them);
 * numbers their shortest text ("912345678", "1204.5").
 */

export type Workbook = { ok: true; sheets: string[]; sheet: string; records: string[][] } | { ok: false; reason: FileRefusal };

/** Uncompressed bytes of the parts read, all together: far beyond any customer list. */
const maxInflatedBytes = 400 * 1024 * 1024;
/** XML of a real sheet shrinks 5–30 times in a zip; a zip bomb thousands of times. */
const maxRatio = 250;
/** Small parts may shrink more (a run of empty styles); they cannot hurt. */
const ratioCheckedFrom = 1024 * 1024;

const zipMagic = [0x50, 0x4b, 0x03, 0x04];
const oleMagic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean => prefix.every((byte, index) => bytes[index] === byte);

export const looksLikeZip = (bytes: Uint8Array): boolean => startsWith(bytes, zipMagic);

/**
 * An Office file in the old compound format: an encrypted workbook (Excel encrypts an .xlsx into
 * one, with an "EncryptionInfo" stream) or an Excel 97–2003 .xls.
 */
export const oleKind = (bytes: Buffer): FileRefusal | null => {
  if (!startsWith(bytes, oleMagic)) return null;
  return bytes.includes(Buffer.from('EncryptionInfo', 'utf16le')) ? 'encrypted_workbook' : 'old_excel';
};

class Refused extends Error {
  constructor(readonly reason: FileRefusal) {
    super(reason);
  }
}

const wanted = (name: string): boolean => name === 'xl/workbook.xml' || name === 'xl/_rels/workbook.xml.rels' || name === 'xl/sharedStrings.xml' || name === 'xl/styles.xml' || /^xl\/worksheets\/[^/]+\.xml$/.test(name);

const unzip = (bytes: Uint8Array): Record<string, Uint8Array> => {
  let total = 0;
  try {
    return unzipSync(bytes, {
      filter: (entry) => {
        if (!wanted(entry.name)) return false;
        total += entry.originalSize;
        if (total > maxInflatedBytes) throw new Refused('zip_bomb');
        if (entry.originalSize > ratioCheckedFrom && entry.originalSize > entry.size * maxRatio) throw new Refused('zip_bomb');
        return true;
      },
    });
  } catch (caught) {
    if (caught instanceof Refused) throw caught;
    throw new Refused('damaged_workbook');
  }
};

/** Handlers for one reading of a part, with what they gathered. */
interface PartReader<T> extends XmlHandlers {
  result(): T;
}

/** Element names without their namespace prefix ("x:c" → "c"): some tools write prefixed SpreadsheetML. */
const local = (name: string): string => name.slice(name.indexOf(':') + 1);

const withLocalNames = (handlers: XmlHandlers): XmlHandlers => ({
  ...(handlers.open ? { open: (tag: XmlTag) => handlers.open?.(tag.name.includes(':') ? { name: local(tag.name), attributes: tag.attributes } : tag) } : {}),
  ...(handlers.close ? { close: (name: string) => handlers.close?.(local(name)) } : {}),
  ...(handlers.text ? { text: handlers.text } : {}),
});

const parseWithSax = (xml: string, handlers: XmlHandlers): void => {
  const parser = sax.parser(true, { trim: false, normalize: false });
  parser.onerror = () => {
    throw new Refused('damaged_workbook');
  };
  if (handlers.open) {
    const open = handlers.open;
    parser.onopentag = (tag) => open({ name: tag.name, attributes: (tag as sax.Tag).attributes });
  }
  if (handlers.close) parser.onclosetag = handlers.close;
  if (handlers.text) {
    parser.ontext = handlers.text;
    parser.oncdata = handlers.text;
  }
  parser.write(xml).close();
};

const textOf = (part: Uint8Array): string => Buffer.from(part.buffer, part.byteOffset, part.byteLength).toString('utf8');

/**
 * Reads a part with fresh handlers from `reader`: by the quick reader when the part is the plain
 * XML spreadsheet programs write, else again from the start by the full parser.
 */
const parseXml = <T>(part: Uint8Array | string | undefined, reader: () => PartReader<T>): T => {
  const handlers = reader();
  if (part === undefined) return handlers.result();
  const xml = typeof part === 'string' ? part : textOf(part);
  if (scanXml(xml, withLocalNames(handlers))) return handlers.result();
  const again = reader();
  parseWithSax(xml, withLocalNames(again));
  return again.result();
};

const attribute = (tag: XmlTag, name: string): string => tag.attributes[name] ?? '';

/** Excel's built-in date and time formats (ids 14–22, 45–47) and any custom format made of date parts. */
const builtInDateFormats = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);
const isDateFormat = (code: string): boolean => /[ymdhs]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '')) && !/[#0?]/.test(code.replace(/"[^"]*"/g, ''));

/** Which cell styles (by index) show a date. */
const dateStyles = (part: Uint8Array | undefined): boolean[] =>
  parseXml(part, () => {
    const custom = new Map<number, string>();
    const styles: boolean[] = [];
    let inCellXfs = false;
    return {
      open: (tag) => {
        if (tag.name === 'numFmt') custom.set(Number(attribute(tag, 'numFmtId')), attribute(tag, 'formatCode'));
        else if (tag.name === 'cellXfs') inCellXfs = true;
        else if (tag.name === 'xf' && inCellXfs) {
          const id = Number(attribute(tag, 'numFmtId') || 0);
          const code = custom.get(id);
          styles.push(code === undefined ? builtInDateFormats.has(id) : isDateFormat(code));
        }
      },
      close: (name) => {
        if (name === 'cellXfs') inCellXfs = false;
      },
      result: () => styles,
    };
  });

const sharedStrings = (part: Uint8Array | undefined): string[] =>
  parseXml(part, () => {
    const strings: string[] = [];
    let current: string[] | null = null;
    let inText = false;
    let inPhonetic = false;
    return {
      open: (tag) => {
        if (tag.name === 'si') current = [];
        else if (tag.name === 'rPh') inPhonetic = true;
        else if (tag.name === 't' && !inPhonetic) inText = true;
      },
      close: (name) => {
        if (name === 'si') {
          strings.push((current ?? []).join(''));
          current = null;
        } else if (name === 'rPh') inPhonetic = false;
        else if (name === 't') inText = false;
      },
      text: (text) => {
        if (inText && current) current.push(text);
      },
      result: () => strings,
    };
  });

const pad = (value: number): string => String(value).padStart(2, '0');

/** An Excel date serial (days since 1899-12-30, or 1904-01-01) as the wall-clock text Excel shows. */
export const serialToText = (serial: number, epoch1904: boolean): string => {
  const ms = Math.round((serial + (epoch1904 ? 24107 : 0) - 25569) * 86_400_000);
  const date = new Date(ms);
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const minutes = date.getUTCHours() * 60 + date.getUTCMinutes();
  return minutes === 0 ? day : `${day} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
};

/** A number as a person would type it: no float noise (1204.4999999 → 1204.5), no exponent for phone-sized integers. */
const numberText = (value: number): string => (Number.isInteger(value) ? value.toFixed(0) : String(Number(value.toPrecision(15))));

/** Columns a sheet may use; a cell beyond is no customer list. */
export const maxColumns = 1000;

/** A cell's text as the sheet shows it: shared strings looked up, dates and numbers written out. */
const cellTextFor =
  (strings: readonly string[], dates: readonly boolean[], epoch1904: boolean): CellText =>
  ({ type, style, raw }) => {
    if (type === 's') return strings[Number(raw)] ?? '';
    if (type === 'b') return raw === '1' ? 'TRUE' : 'FALSE';
    if (type === 'e') return '';
    if ((type === '' || type === 'n') && raw !== '') {
      const number = Number(raw);
      return Number.isNaN(number) ? raw : dates[Number(style || 0)] ? serialToText(number, epoch1904) : numberText(number);
    }
    return raw;
  };

/**
 * A sheet's rows read tag by tag, whatever XML the full parser takes: what the quick reading of
 * the cells (sheet-cells.ts) leaves. Throws a refusal for a damaged sheet or a cell past the last
 * column.
 */
export const readSheetByTags = (xml: string, cellText: CellText): string[][] =>
  parseXml(xml, () => {
    const records: string[][] = [];
    let row: string[] | null = null;
    let cell: { column: number; type: string; style: string; raw: string } | null = null;
    let inValue = false;
    return {
      open: (tag) => {
        if (tag.name === 'row') {
          const number = Number(attribute(tag, 'r'));
          while (number > 0 && records.length < number - 1) records.push([]);
          row = [];
        } else if (tag.name === 'c' && row) {
          const reference = attribute(tag, 'r');
          cell = { column: reference === '' ? row.length : columnIndex(reference), type: attribute(tag, 't'), style: attribute(tag, 's'), raw: '' };
        } else if ((tag.name === 'v' || tag.name === 't') && cell) inValue = true;
      },
      close: (name) => {
        if (name === 'v' || name === 't') inValue = false;
        else if (name === 'c' && cell && row) {
          if (cell.column >= maxColumns) throw new Refused('no_columns');
          while (row.length < cell.column) row.push('');
          row[cell.column] = cellText(cell);
          cell = null;
        } else if (name === 'row' && row) {
          records.push(row);
          row = null;
        }
      },
      text: (text) => {
        if (inValue && cell) cell.raw += text;
      },
      result: () => records,
    };
  });

const readSheet = (part: Uint8Array, strings: readonly string[], dates: readonly boolean[], epoch1904: boolean): string[][] => {
  const xml = textOf(part);
  const cellText = cellTextFor(strings, dates, epoch1904);
  const plain = readPlainSheetData(xml, cellText, maxColumns);
  if (plain?.kind === 'too_many_columns') throw new Refused('no_columns');
  return plain ? plain.records : readSheetByTags(xml, cellText);
};

/** The sheets in their order, each with the part that holds it. */
const sheetsOf = (parts: Record<string, Uint8Array>): { names: { name: string; part: string }[]; epoch1904: boolean } => {
  const targets = parseXml(parts['xl/_rels/workbook.xml.rels'], () => {
    const found = new Map<string, string>();
    return {
      open: (tag) => {
        if (tag.name !== 'Relationship') return;
        const target = attribute(tag, 'Target').replace(/^\/?xl\//, '').replace(/^\//, '');
        found.set(attribute(tag, 'Id'), `xl/${target}`);
      },
      result: () => found,
    };
  });
  return parseXml(parts['xl/workbook.xml'], () => {
    const names: { name: string; part: string }[] = [];
    let epoch1904 = false;
    return {
      open: (tag) => {
        if (tag.name === 'workbookPr') epoch1904 = ['1', 'true'].includes(attribute(tag, 'date1904'));
        if (tag.name !== 'sheet') return;
        const relation = Object.entries(tag.attributes).find(([key]) => local(key) === 'id')?.[1];
        const part = typeof relation === 'string' ? targets.get(relation) : undefined;
        if (part !== undefined) names.push({ name: attribute(tag, 'name'), part });
      },
      result: () => ({ names, epoch1904 }),
    };
  });
};

/** The rows of the chosen sheet (the first by default), or why the workbook cannot be read. */
export const readWorkbook = (bytes: Uint8Array, chosen: string | null): Workbook => {
  try {
    const parts = unzip(bytes);
    const { names, epoch1904 } = sheetsOf(parts);
    const sheet = names.find((entry) => entry.name === chosen) ?? names[0];
    const part = sheet === undefined ? undefined : parts[sheet.part];
    if (sheet === undefined || part === undefined) return { ok: false, reason: 'damaged_workbook' };
    const records = readSheet(part, sharedStrings(parts['xl/sharedStrings.xml']), dateStyles(parts['xl/styles.xml']), epoch1904);
    return { ok: true, sheets: names.map((entry) => entry.name), sheet: sheet.name, records };
  } catch (caught) {
    if (caught instanceof Refused) return { ok: false, reason: caught.reason };
    throw caught;
  }
};
