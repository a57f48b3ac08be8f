import { apiOrThrow } from '../api/client';
import { downloadBlob, downloadText } from './download';
import { csvText, type SheetTable } from './spreadsheet-file';

/**
 * The same table as an Excel workbook of one sheet (text cells, the header row bold), made by the
 * core: the workbook's compression would run in a worker this page's content policy refuses.
 */
const xlsxBlob = async (table: SheetTable, sheet: string): Promise<Blob> => {
  const { base64 } = await apiOrThrow('sheet-xlsx', { sheet, rows: table.map((row) => [...row]) });
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  return new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
};

/** Saves a list as `<name>.csv` or `<name>.xlsx` (the sheet named `sheet`); answers the file's name. */
export const downloadSheet = async (name: string, kind: 'csv' | 'xlsx', table: SheetTable, sheet: string): Promise<string> => {
  const file = `${name}.${kind}`;
  if (kind === 'csv') downloadText(file, csvText(table), 'text/csv;charset=utf-8');
  else downloadBlob(file, await xlsxBlob(table, sheet));
  return file;
};
