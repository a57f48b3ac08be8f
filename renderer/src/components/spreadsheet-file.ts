import Papa from 'papaparse';

/** A list the owner takes away as a spreadsheet: its header row first, then one row of text cells per line. */
export type SheetTable = readonly (readonly string[])[];

/** A spreadsheet must not run what a customer typed: a CSV cell starting like a formula is kept as text. */
const asText = (cell: string): string => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

/** CSV with a UTF-8 byte order mark, so Excel opens Chinese names correctly. */
export const csvText = ([header = [], ...rows]: SheetTable): string =>
  '\uFEFF' + Papa.unparse([[...header], ...rows.map((row) => row.map(asText))], { newline: '\r\n' });
