import writeExcelFile from 'write-excel-file/node';

/** A cell's width as Excel counts it: a CJK character takes two. */
const widthOf = (text: string): number => {
  let width = 0;
  for (const char of text) width += (char.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return width;
};

/** Wide enough for the longest cell of each column, within reason; one pass over the cells, for a list of any length. */
const columnWidths = (rows: readonly (readonly string[])[]): { width: number }[] => {
  const longest: number[] = [];
  for (const row of rows) row.forEach((cell, column) => (longest[column] = Math.max(longest[column] ?? 0, widthOf(cell))));
  return Array.from(longest, (width = 0) => ({ width: Math.min(Math.max(width + 2, 8), 60) }));
};

/**
 * A list as an Excel workbook of one sheet: every cell a text cell (a phone keeps its leading zero,
 * nothing a customer typed is ever read as a formula), the header row bold and kept in view.
 */
export const listWorkbook = async (rows: readonly (readonly string[])[], sheet: string): Promise<Buffer> => {
  const [header = [], ...body] = rows;
  const cells = [header.map((value) => ({ value, fontWeight: 'bold' as const })), ...body.map((row) => row.map((value) => ({ value })))];
  return Buffer.from(await writeExcelFile(cells, { sheet, columns: columnWidths(rows), stickyRowsCount: 1 }).toBuffer());
};
