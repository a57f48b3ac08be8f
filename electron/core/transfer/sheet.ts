import writeExcelFile from 'write-excel-file/node';

/** A cell's width as Excel counts it: a CJK character takes two. */
const widthOf = (text: string): number => {
  let width = 0;
  for (const char of text) width += (char.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return width;
};

/** A cell of a list: text, or a number (a count, an amount) shown with this many decimals. */
export type ListCell = string | { number: number; decimals: number };

const textOf = (cell: ListCell): string => (typeof cell === 'string' ? cell : cell.number.toFixed(cell.decimals));

/** Wide enough for the longest cell of each column, within reason; one pass over the cells, for a list of any length. */
const columnWidths = (rows: readonly (readonly ListCell[])[]): { width: number }[] => {
  const longest: number[] = [];
  for (const row of rows) row.forEach((cell, column) => (longest[column] = Math.max(longest[column] ?? 0, widthOf(textOf(cell)))));
  return Array.from(longest, (width = 0) => ({ width: Math.min(Math.max(width + 2, 8), 60) }));
};

const workbookCell = (cell: ListCell) =>
  typeof cell === 'string' ? { value: cell } : { value: cell.number, type: Number, format: cell.decimals > 0 ? `0.${'0'.repeat(cell.decimals)}` : '0' };

/**
 * A list as an Excel workbook of one sheet, the header row bold and kept in view. Text stays text
 * (a phone keeps its leading zero, nothing a customer typed is ever read as a formula); counts and
 * amounts are numbers, so the spreadsheet sums and sorts them.
 */
export const listWorkbook = async (rows: readonly (readonly ListCell[])[], sheet: string): Promise<Buffer> => {
  const [header = [], ...body] = rows;
  const cells = [header.map((value) => ({ value: textOf(value), fontWeight: 'bold' as const })), ...body.map((row) => row.map(workbookCell))];
  return Buffer.from(await writeExcelFile(cells, { sheet, columns: columnWidths(rows), stickyRowsCount: 1 }).toBuffer());
};
