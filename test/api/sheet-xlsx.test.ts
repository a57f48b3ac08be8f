import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../electron/core/transfer/import/xlsx';
import { callOk, freshCore } from '../support/core';

const workbookOf = (base64: string) => {
  const bytes = Buffer.from(base64, 'base64');
  const workbook = readWorkbook(bytes, null);
  if (!workbook.ok) throw new Error(`not read: ${workbook.reason}`);
  return { bytes, ...workbook };
};

describe('a call list as an Excel workbook', () => {
  it('is text cells at the counter too: Chinese names, phones with their leading zero and formula-like text come back as typed', async () => {
    const core = freshCore({ role: 'staff' });
    const rows = [
      ['姓名', '電話', '原因', '到期', '備註', '結果'],
      ['=HYPERLINK("http://x")', '0912-345-678', '回訪', '2026-03-10', '', ''],
      ['王小明, "小明"', '0912345678 / 02-2345-6789', '生日', '2026-03-10', '不加糖', ''],
    ];
    const { bytes, sheets, records } = workbookOf((await callOk(core, 'sheet-xlsx', { sheet: '通話清單', rows })).base64);
    expect(sheets).toEqual(['通話清單']);
    // Empty cells are not written: a row ends at its last cell with text, as in any workbook.
    expect(records).toEqual([rows[0], rows[1]!.slice(0, 4), rows[2]!.slice(0, 5)]);
    // Text, never a formula.
    expect(bytes.includes(Buffer.from('<f>'))).toBe(false);
  });

  it('holds a long list whole (compressed in a worker of the core, not the page)', async () => {
    const core = freshCore();
    const rows = [['Name', 'Phone'], ...Array.from({ length: 10_000 }, (_, index) => [`客人 ${index}`, `09${String(index).padStart(8, '0')}`])];
    const { bytes, records } = workbookOf((await callOk(core, 'sheet-xlsx', { sheet: 'Calls', rows })).base64);
    expect(records).toEqual(rows);
    expect(bytes.length).toBeGreaterThan(50_000);
  });

  it('refuses a sheet name Excel would not open', async () => {
    const core = freshCore();
    expect(await core.call('sheet-xlsx', { sheet: 'a/b', rows: [['x']] })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});
