import { writeFileSync } from 'node:fs';
import path from 'node:path';
import writeExcelFile from 'write-excel-file/node';
import { expect, test, type Scratch } from './fixtures';

/** What the wizard says in each language, as the owner reads it. */
const languages = [
  { locale: 'en-US', check: 'Check all rows', commit: 'Import 2 customers', done: /Imported 2 customers \(2 with a history\)/, doneCards: /Imported 2 customers/, undo: 'Undo this import', yes: 'Yes, undo it', undone: /Import undone: 2 customers removed/, history: /37 visits/, workbook: 'An Excel workbook.', cards: 'Contact cards (vCard).' },
  { locale: 'zh-TW', check: '檢查所有資料列', commit: '匯入 2 位客戶', done: /匯入 2 位客戶（2 位有過往紀錄）/, doneCards: /匯入 2 位客戶/, undo: '復原這次匯入', yes: '是，復原', undone: /已復原匯入/, history: /來店 37 次/, workbook: 'Excel 活頁簿。', cards: '聯絡人名片（vCard）。' },
  { locale: 'zh-CN', check: '检查所有行', commit: '导入 2 位客户', done: /导入 2 位客户（2 位有过往记录）/, doneCards: /导入 2 位客户/, undo: '撤销这次导入', yes: '是，撤销', undone: /已撤销导入/, history: /到店 37 次/, workbook: 'Excel 工作簿。', cards: '联系人名片（vCard）。' },
];

const workbook = async (scratch: Scratch): Promise<string> => {
  const text = (value: string) => ({ value });
  const file = path.join(scratch('regulars-e2e-formats-'), 'members.xlsx');
  const data = [
    [text('Members')],
    ['Customer name', 'Phone', 'Total visits', 'Total spent', 'Last visit'].map(text),
    [text('陳美玲'), text('0912-345-678'), { value: 37, type: Number }, { value: 1204.5, type: Number }, { value: new Date(Date.UTC(2026, 9, 30)), type: Date, format: 'yyyy-mm-dd' }],
    [text('Ada Lovelace'), text('0922-123-456'), { value: 3, type: Number }, { value: 88, type: Number }, { value: new Date(Date.UTC(2026, 10, 2)), type: Date, format: 'yyyy-mm-dd' }],
  ];
  writeFileSync(file, await writeExcelFile(data).toBuffer());
  return file;
};

const cards = (scratch: Scratch): string => {
  const file = path.join(scratch('regulars-e2e-formats-'), 'contacts.vcf');
  writeFileSync(
    file,
    ['BEGIN:VCARD', 'VERSION:3.0', 'FN:王大同', 'TEL;TYPE=CELL:0933-222-111', 'BDAY:--0704', 'END:VCARD', 'BEGIN:VCARD', 'VERSION:4.0', 'FN:Grace Hopper', 'EMAIL:grace@example.com', 'END:VCARD', ''].join('\r\n'),
  );
  return file;
};

for (const words of languages) {
  test.describe(`importing in ${words.locale}`, () => {
    test.use({ locale: words.locale });

    test('an Excel workbook with a POS history, then contact cards; the import can be undone', async ({ page, app, scratch }) => {
      await app.open(page);
      await page.evaluate(() => (window.location.hash = '#/data'));
      const importer = page.locator('section.card', { has: page.locator('#import-title') });

      await importer.locator('input[type="file"]').setInputFiles(await workbook(scratch));
      await expect(importer.getByText(words.workbook)).toBeVisible();
      await importer.getByRole('button', { name: words.check }).click();
      await expect(importer.getByText(words.history).first()).toBeVisible();
      await importer.getByRole('button', { name: words.commit }).click();
      await expect(importer.getByText(words.done)).toBeVisible();
      await importer.getByRole('button', { name: words.undo }).click();
      await importer.getByRole('button', { name: words.yes }).click();
      await expect(importer.getByText(words.undone)).toBeVisible();

      await page.reload();
      await page.evaluate(() => (window.location.hash = '#/data'));
      await importer.locator('input[type="file"]').setInputFiles(cards(scratch));
      await expect(importer.getByText(words.cards)).toBeVisible();
      await importer.getByRole('button', { name: words.check }).click();
      await importer.getByRole('button', { name: words.commit }).click();
      await expect(importer.getByText(words.doneCards)).toBeVisible();
    });
  });
}
