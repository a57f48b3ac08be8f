import { entitiesRead, scanXml } from './xml-scan';

/**
 * Reads a sheet's cells when they are written the way spreadsheet programs write them: rows of
 * cells `<c r="B3" s="1" t="s"><v>12</v></c>` (a formula before the value, an inline string
 * instead of it), nothing else. A 100,000-row sheet is a million such cells, and matching each
 * as one regular expression reads it in about a third of the time the general tag-by-tag reader
 * takes (xml-scan.ts). Anything else — prefixed names, attributes in another order or quoted with
 * apostrophes, rich text, an entity the quick reader does not know, a part that is not well
 * formed outside the cells — answers null, and the caller reads the part the general way.
 */

/** What a cell says: its type and style attributes, and its text as written. */
export interface SheetCell {
  type: string;
  style: string;
  raw: string;
}

export type CellText = (cell: SheetCell) => string;

export type SheetRows = { kind: 'rows'; records: string[][] } | { kind: 'too_many_columns' };

const dataOpen = '<sheetData>';
const dataClose = '</sheetData>';

// Attributes other than those the cell pattern reads by name, so a cell whose r, s or t come in
// another order does not match at all (and is read the general way) instead of losing one.
const otherAttributes = '(?:\\s+(?![rst]=)[\\w:.-]+="[^"<&]*")*';
const rowOpen = /\s*<row((?:\s+[\w:.-]+="[^"<&]*")*)\s*(\/?)>/y;
const rowClose = /\s*<\/row>/y;
const rowNumber = /(?:^|\s)r="([^"]*)"/;
const cellPattern = new RegExp(
  `\\s*<c(?: r="([A-Z]{1,3})\\d+")?(?: s="(\\d+)")?(?: t="(\\w+)")?${otherAttributes}\\s*` +
    `(?:/>|>(?:<f(?:\\s+[\\w:.-]+="[^"<&]*")*\\s*(?:/>|>([^<]*)</f>))?(?:<v>([^<]*)</v>|<is><t(?: xml:space="preserve")?>([^<]*)</t></is>)?</c>)`,
  'y',
);
const trailingSpace = /\s*/y;

/** A letters-only column reference as a 0-based index: "A" → 0, "AA" → 26. */
export const columnIndex = (reference: string): number => {
  let index = 0;
  for (const char of reference) {
    const code = char.charCodeAt(0);
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
  }
  return index - 1;
};

/**
 * The rows of `xml`'s sheet data, each cell's text given by `textOf` and placed at its column;
 * `maxColumns` bounds how far a cell may be placed. Rows skipped in the numbering are empty rows.
 */
export const readPlainSheetData = (xml: string, textOf: CellText, maxColumns: number): SheetRows | null => {
  const start = xml.indexOf(dataOpen);
  const end = xml.indexOf(dataClose, start);
  if (start === -1 || end === -1) return null;
  // The part around the cells must be what the general reader reads, the cells left out.
  if (!scanXml(`${xml.slice(0, start)}<sheetData/>${xml.slice(end + dataClose.length)}`, {})) return null;
  const records: string[][] = [];
  let at = start + dataOpen.length;
  while (at < end) {
    rowOpen.lastIndex = at;
    const row = rowOpen.exec(xml);
    if (row === null) break;
    const number = Number(rowNumber.exec(row[1] as string)?.[1] ?? 0);
    while (number > 0 && records.length < number - 1) records.push([]);
    const cells: string[] = [];
    at = rowOpen.lastIndex;
    if (row[2] !== '/') {
      for (;;) {
        cellPattern.lastIndex = at;
        const cell = cellPattern.exec(xml);
        if (cell === null) break;
        at = cellPattern.lastIndex;
        const column = cell[1] === undefined ? cells.length : columnIndex(cell[1]);
        if (column >= maxColumns) return { kind: 'too_many_columns' };
        // A formula's text is not kept, but an entity in it the general reader would not take must not pass here.
        if (cell[4] !== undefined && entitiesRead(cell[4]) === null) return null;
        const raw = entitiesRead(cell[5] ?? cell[6] ?? '');
        if (raw === null) return null;
        while (cells.length < column) cells.push('');
        cells[column] = textOf({ type: cell[3] ?? '', style: cell[2] ?? '', raw });
      }
      rowClose.lastIndex = at;
      if (rowClose.exec(xml) === null) return null;
      at = rowClose.lastIndex;
    }
    records.push(cells);
  }
  trailingSpace.lastIndex = at;
  trailingSpace.exec(xml);
  return trailingSpace.lastIndex === end ? { kind: 'rows', records } : null;
};
