import { apiOrThrow } from '../api/client';
import type { SheetTable } from './spreadsheet-file';

/**
 * The same table as an Excel workbook of one sheet (text cells, the header row bold), made by the
 * core: the workbook's compression would run in a worker this page's content policy refuses.
 */
export const xlsxBlob = async (table: SheetTable, sheet: string): Promise<Blob> => {
  const { base64 } = await apiOrThrow('sheet-xlsx', { sheet, rows: table.map((row) => [...row]) });
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  return new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
};
