import Papa from 'papaparse';

/** A list the owner takes away as a spreadsheet: its header row first, then one row of text cells per line. */
export type SheetTable = readonly (readonly string[])[];

/** A spreadsheet must not run what a customer typed: a CSV cell starting like a formula is kept as text. */
const asText = (cell: string): string => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

/** CSV with a UTF-8 byte order mark, so Excel opens Chinese names correctly. */
export const csvText = ([header = [], ...rows]: SheetTable): string =>
  '\uFEFF' + Papa.unparse([[...header], ...rows.map((row) => row.map(asText))], { newline: '\r\n' });

/** Wide enough for the longest cell of a column (a Chinese character takes two widths), within reason. */
const columnWidths = (table: SheetTable): { width: number }[] =>
  (table[0] ?? []).map((_, column) => {
    const longest = Math.max(...table.map((row) => [...(row[column] ?? '')].reduce((width, char) => width + (char.charCodeAt(0) > 0x2e7f ? 2 : 1), 0)));
    return { width: Math.min(Math.max(longest + 2, 8), 60) };
  });

/**
 * The same table as an Excel workbook of one sheet: every cell a text cell (a phone keeps its
 * leading zero, nothing typed by a customer is ever read as a formula), the header row bold and kept
 * in view. The writer is loaded only when a workbook is asked for.
 */
export const xlsxBlob = async (table: SheetTable, sheet: string): Promise<Blob> => {
  const { default: writeExcelFile } = await import('write-excel-file/universal');
  const [header = [], ...rows] = table;
  const cells = [header.map((value) => ({ value, fontWeight: 'bold' as const })), ...rows.map((row) => row.map((value) => ({ value })))];
  return writeExcelFile(cells, { sheet, columns: columnWidths(table), stickyRowsCount: 1 }).toBlob();
};
