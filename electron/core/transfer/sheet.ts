import writeExcelFile from 'write-excel-file/node';

/** Wide enough for the longest cell of a column (a CJK character takes two widths), within reason. */
const columnWidths = (rows: readonly (readonly string[])[]): { width: number }[] => {
  const columns = Math.max(0, ...rows.map((row) => row.length));
  return Array.from({ length: columns }, (_, column) => {
    const longest = Math.max(0, ...rows.map((row) => [...(row[column] ?? '')].reduce((width, char) => width + ((char.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1), 0)));
    return { width: Math.min(Math.max(longest + 2, 8), 60) };
  });
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
