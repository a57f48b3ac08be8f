import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import iconv from 'iconv-lite';
import writeExcelFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { bookSnapshot, callOk, freshCore, tempDir } from '../support/core';
import { importPlanOf } from '../support/result';

type Core = ReturnType<typeof freshCore>;

const writeFile = (name: string, content: string | Uint8Array): string => {
  const file = path.join(tempDir('regulars-import-'), name);
  writeFileSync(file, content);
  return file;
};

const importFile = async (core: Core, file: string, extra: { country?: string } = {}) => {
  const source = { kind: 'path' as const, path: file };
  const analysis = await callOk(core, 'import-analyse', { source });
  const plan = { ...importPlanOf(source, analysis), ...extra };
  const preview = await callOk(core, 'import-preview', plan);
  return { analysis, plan, preview };
};

const cell = (value: string | number | Date, type?: 'Number' | 'Date') =>
  type === 'Date' ? { value, type: Date, format: 'yyyy-mm-dd' } : type === 'Number' ? { value, type: Number } : { value };

const customerNames = (core: Core) => core.db.prepare('SELECT name FROM customers ORDER BY name').pluck().all() as string[];

const refusal = async (core: Core, file: string) => {
  const answer = await core.call('import-analyse', { source: { kind: 'path', path: file } });
  return answer.ok ? null : answer.error;
};

describe('Excel workbooks', () => {
  it('reads the first sheet under a title row: Chinese text, date serials, phones that lost their leading zero, spend as history', async () => {
    const core = freshCore();
    await callOk(core, 'settings-update', { country: 'TW', currency: 'TWD', timeZone: 'Asia/Taipei' });
    const book = await writeExcelFile([
      {
        sheet: '會員',
        data: [
          [cell('熟客名單 2026')],
          [],
          ['姓名', '手機', '生日', '累積消費金額', '最近消費日期', '標籤'].map((title) => cell(title)),
          [cell('陳美玲'), cell(912345678, 'Number'), cell(new Date(Date.UTC(1985, 2, 4)), 'Date'), cell(12800, 'Number'), cell(new Date(Date.UTC(2026, 9, 30)), 'Date'), cell('VIP、咖啡')],
          [cell('林志明'), cell('0933-222-111'), cell(''), cell(3450, 'Number'), cell(''), cell('')],
        ],
      },
      { sheet: 'Other', data: [[cell('Name')], [cell('Not this one')]] },
    ]).toBuffer();
    const file = writeFile('會員.xlsx', book);
    const { analysis, plan, preview } = await importFile(core, file);
    expect(analysis).toMatchObject({ format: 'xlsx', sheets: ['會員', 'Other'], sheet: '會員', headerRow: 3, rowCount: 2 });
    expect(preview.totals).toMatchObject({ newCustomers: 2, invalidRows: 0, histories: 2 });
    await callOk(core, 'import-commit', plan);
    const [hit] = (await callOk(core, 'customers-search', { query: '陳美玲' })).rows;
    const chen = await callOk(core, 'customers-get', { id: hit!.id });
    expect(chen).toMatchObject({ birthday: { year: 1985, month: 3, day: 4 }, tags: ['VIP', '咖啡'], lastVisitAt: '2026-10-29T16:00:00.000Z' });
    expect(chen.phones[0]).toMatchObject({ display: '0912345678', e164: '+886912345678' });

    const other = await callOk(core, 'import-analyse', { source: { kind: 'path', path: file }, sheet: 'Other' });
    expect(other).toMatchObject({ sheet: 'Other', rowCount: 1 });
  });

  it('imports the sheet the owner checked, and refuses a workbook changed after it was checked', async () => {
    const core = freshCore();
    const sheets = (names: string[]) =>
      writeExcelFile([{ sheet: 'Members', data: [[cell('Name'), cell('Phone')], ...names.map((name, i) => [cell(name), cell(`091234567${i}`)])] }, { sheet: 'Other', data: [[cell('Name')], [cell('Zed')]] }]).toBuffer();
    const file = writeFile('members.xlsx', await sheets(['Ada', 'Bob']));
    const source = { kind: 'path' as const, path: file };
    const other = await callOk(core, 'import-analyse', { source, sheet: 'Other' });
    const analysis = await callOk(core, 'import-analyse', { source });
    expect(await callOk(core, 'import-commit', importPlanOf(source, analysis))).toMatchObject({ created: 2 });
    expect(customerNames(core)).toEqual(['Ada', 'Bob']);
    expect(await callOk(core, 'import-commit', importPlanOf(source, other))).toMatchObject({ created: 1 });
    expect(customerNames(core)).toEqual(['Ada', 'Bob', 'Zed']);

    // The cells held for the next job are the last sheet analysed: a commit of another sheet reads its own.
    const members = await callOk(core, 'import-analyse', { source });
    await callOk(core, 'import-analyse', { source, sheet: 'Other' });
    expect(await callOk(core, 'import-commit', { ...importPlanOf(source, members), duplicates: 'create', nameMatches: 'create' })).toMatchObject({ created: 2 });
    expect(customerNames(core)).toEqual(['Ada', 'Ada', 'Bob', 'Bob', 'Zed']);

    const changing = writeFile('changing.xlsx', await sheets(['Cy']));
    const checked = await callOk(core, 'import-analyse', { source: { kind: 'path', path: changing } });
    writeFileSync(changing, await sheets(['Cy', 'Di']));
    const before = bookSnapshot(core);
    expect(await core.call('import-commit', importPlanOf({ kind: 'path', path: changing }, checked))).toMatchObject({
      ok: false,
      error: { code: 'FILE_REFUSED', details: { reason: 'file_changed', name: 'changing.xlsx' } },
    });
    expect(bookSnapshot(core)).toEqual(before);
  });

  it('refuses a corrupt workbook, a zip bomb renamed .xlsx, an encrypted workbook, and an old .xls, each with its reason; nothing is written', async () => {
    const core = freshCore();
    const before = bookSnapshot(core);
    const good = await writeExcelFile([[cell('Name')], [cell('Ada')]]).toBuffer();
    const corrupt = Buffer.from(good);
    corrupt.fill(0x41, 30, corrupt.length - 30);
    expect(await refusal(core, writeFile('corrupt.xlsx', corrupt))).toMatchObject({ code: 'FILE_REFUSED', details: { reason: 'damaged_workbook' } });
    expect(await refusal(core, writeFile('not-a-zip.xlsx', 'this is not a workbook'))).toMatchObject({ details: { reason: 'damaged_workbook' } });
    // 20 MB of one repeated byte shrinks a thousand times: no spreadsheet does.
    const bomb = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(20 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(100 * 1024);
    expect(await refusal(core, writeFile('bomb.xlsx', bomb))).toMatchObject({ details: { reason: 'zip_bomb' } });
    const ole = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    const encrypted = Buffer.from(ole);
    Buffer.from('EncryptionInfo', 'utf16le').copy(encrypted, 1024);
    expect(await refusal(core, writeFile('locked.xlsx', encrypted))).toMatchObject({ details: { reason: 'encrypted_workbook' } });
    expect(await refusal(core, writeFile('old.xls', ole))).toMatchObject({ details: { reason: 'old_excel' } });
    expect(bookSnapshot(core)).toBe(before);
  });
});

const card = (lines: string[]) => ['BEGIN:VCARD', ...lines, 'END:VCARD'].join('\r\n');

describe('contact cards (vCard)', () => {
  it('reads 2.1 quoted-printable in Big5 and UTF-8, 3.0 and 4.0: folded lines, several phones and e-mails, birthdays without a year, notes, categories', async () => {
    const core = freshCore();
    await callOk(core, 'settings-update', { country: 'TW', timeZone: 'Asia/Taipei' });
    const qp = (text: string, charset: 'utf8' | 'big5') =>
      [...(charset === 'big5' ? iconv.encode(text, 'big5') : Buffer.from(text, charset))].map((byte) => `=${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
    const text = [
      card(['VERSION:2.1', `N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${qp('陳', 'utf8')};${qp('美玲', 'utf8')};;;`, `FN;CHARSET=BIG5;ENCODING=QUOTED-PRINTABLE:${qp('陳美玲', 'big5')}`, 'TEL;CELL;PREF:0912-345-678', 'TEL;HOME:02-2345-6789', 'BDAY:1985-03-04', `NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:${qp('喜歡靠窗\n的位子', 'utf8')}`]),
      card(['VERSION:3.0', 'N:Lovelace;Ada;;;', 'FN:Ada Lovelace', 'TEL;TYPE=CELL:+886 912 000', ' 111', 'EMAIL;TYPE=INTERNET:ada@example.com', 'EMAIL;TYPE=WORK:ada@work.example.com', 'BDAY;X-APPLE-OMIT-YEAR=1604:1604-12-10', 'CATEGORIES:VIP,Book club', 'PHOTO;ENCODING=b;TYPE=JPEG:AAAA', ' BBBB']),
      card(['VERSION:4.0', 'FN:王大同', 'TEL;VALUE=uri;TYPE="cell,voice":tel:0922-123-456', 'BDAY:--0704', 'NOTE:Prefers tea\\, not coffee']),
    ].join('\r\n');
    const file = writeFile('contacts.vcf', text);
    const { analysis, plan, preview } = await importFile(core, file);
    expect(analysis.format).toBe('vcard');
    expect(preview.totals).toMatchObject({ newCustomers: 3, invalidRows: 0 });
    await callOk(core, 'import-commit', plan);
    const find = async (query: string) => callOk(core, 'customers-get', { id: (await callOk(core, 'customers-search', { query })).rows[0]!.id });
    const chen = await find('345678');
    expect(chen).toMatchObject({ name: '陳美玲', birthday: { year: 1985, month: 3, day: 4 }, notes: '喜歡靠窗\n的位子' });
    expect(chen.phones).toHaveLength(2);
    const ada = await find('Lovelace');
    expect(ada).toMatchObject({ email: 'ada@example.com', birthday: { year: null, month: 12, day: 10 }, tags: ['VIP', 'Book club'] });
    expect(ada.phones[0]).toMatchObject({ e164: '+886912000111' });
    expect(ada.notes).toContain('ada@work.example.com');
    const wang = await find('王大同');
    expect(wang).toMatchObject({ birthday: { year: null, month: 7, day: 4 }, notes: 'Prefers tea, not coffee' });
  });

  it('10,000 cards of garbage are reported by row and nothing is written; a 50 MB card is refused', async () => {
    const core = freshCore();
    const before = bookSnapshot(core);
    const garbage = Array.from({ length: 10_000 }, (_, index) => card([`garbage ${index} without a colon`])).join('\r\n');
    const file = writeFile('garbage.vcf', garbage);
    const { plan, preview } = await importFile(core, file);
    expect(preview.totals).toMatchObject({ invalidRows: 10_000, newCustomers: 0 });
    expect(preview.issues[0]).toMatchObject({ row: 2, rule: 'required' });
    expect(await core.call('import-commit', plan)).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', details: { reason: 'import_has_errors' } } });
    const huge = writeFile('huge.vcf', card(['VERSION:3.0', 'FN:Big', `NOTE:${'x'.repeat(50 * 1024 * 1024)}`]));
    expect(await refusal(core, huge)).toMatchObject({ code: 'FILE_REFUSED', details: { reason: 'field_too_large', row: 2 } });
    expect(bookSnapshot(core)).toBe(before);
  });
});

describe('the phone country of a file', () => {
  it('proposes China for a mainland file in a book set for the US, and reads the numbers that way when chosen', async () => {
    const core = freshCore({ systemLocales: ['en-US'] });
    const file = writeFile('members.csv', ['姓名,手机号', '王小明,18698765432', '李静,186 1234 5678', '赵磊,15011112222'].join('\n'));
    const { plan, preview } = await importFile(core, file);
    expect(preview.phoneCountry).toMatchObject({ shop: 'US', used: 'US', sampled: 3, readable: 0, proposed: { country: 'CN', readable: 3 } });
    const chosen = await callOk(core, 'import-preview', { ...plan, country: 'CN' });
    expect(chosen.phoneCountry).toMatchObject({ used: 'CN', readable: 3, proposed: null });
    await callOk(core, 'import-commit', { ...plan, country: 'CN' });
    const phones = core.db.prepare('SELECT e164 FROM customer_phones ORDER BY e164').pluck().all();
    expect(phones).toEqual(['+8615011112222', '+8618612345678', '+8618698765432']);
  });
});

describe('export as an Excel workbook', () => {
  it('customers go out as .xlsx with headers in the chosen language and come back in unchanged, Chinese text included', async () => {
    const core = freshCore();
    await callOk(core, 'settings-update', { country: 'TW', timeZone: 'Asia/Taipei' });
    await callOk(core, 'customers-create', { name: '陳美玲', phones: ['0912-345-678'], tags: ['常客', '咖啡'], notes: '喜歡靠窗的位子', birthday: { month: 3, day: 4, year: null } });
    await callOk(core, 'customers-create', { name: 'Grace Hopper', email: 'grace@example.com' });
    const [file] = await callOk(core, 'export-run', { what: 'customers', format: 'xlsx', folder: tempDir(), fileName: '客戶.xlsx', language: 'zh-Hant' });
    expect(file).toMatchObject({ rows: 2 });

    const other = freshCore();
    await callOk(other, 'settings-update', { country: 'TW', timeZone: 'Asia/Taipei' });
    const { analysis, plan, preview } = await importFile(other, file!.path);
    expect(analysis).toMatchObject({ format: 'xlsx', headerRow: 1 });
    expect(analysis.columns.slice(0, 3).map((column) => column.header)).toEqual(['編號', '姓名', '電話']);
    // Customers who never visited bring no history entry.
    expect(preview.totals).toMatchObject({ newCustomers: 2, invalidRows: 0, histories: 0 });
    await callOk(other, 'import-commit', plan);
    const [hit] = (await callOk(other, 'customers-search', { query: '陳美玲' })).rows;
    expect(await callOk(other, 'customers-get', { id: hit!.id })).toMatchObject({ name: '陳美玲', tags: ['常客', '咖啡'], notes: '喜歡靠窗的位子', birthday: { month: 3, day: 4, year: null } });
    expect((await callOk(other, 'customers-get', { id: hit!.id })).phones[0]).toMatchObject({ display: '0912-345-678' });
  });

  it('writes counts and amounts as numbers a spreadsheet sums, phones and the rest as text, on a sheet named in the chosen language', async () => {
    const core = freshCore();
    await callOk(core, 'settings-update', { country: 'TW', timeZone: 'Asia/Taipei', currency: 'USD' });
    const mei = await callOk(core, 'customers-create', { name: '陳美玲', phones: ['0912-345-678'] });
    await callOk(core, 'visits-log', { customerId: mei.id, amountMinor: 12_050 });
    await callOk(core, 'visits-log', { customerId: mei.id, amountMinor: 900 });
    const [file] = await callOk(core, 'export-run', { what: 'customers', format: 'xlsx', folder: tempDir(), fileName: '客戶.xlsx', language: 'zh-Hant' });
    const zip = unzipSync(readFileSync(file!.path));
    expect(strFromU8(zip['xl/workbook.xml']!)).toContain('name="客戶"');
    const sheet = strFromU8(zip['xl/worksheets/sheet1.xml']!);
    // Row 2's cells: a number cell carries its value with no text type; a text cell is a shared or inline string.
    const row = /<row r="2"[^>]*>(.*?)<\/row>/s.exec(sheet)![1]!;
    const cells = [...row.matchAll(/<c r="([A-Z]+)2"([^>]*)>(.*?)<\/c>/gs)].map(([, column, attributes, body]) => ({ column, text: /t="(s|inlineStr|str)"/.test(attributes!), body }));
    const numbers = cells.filter((cell) => !cell.text).map((cell) => cell.body);
    expect(numbers).toEqual(expect.arrayContaining(['<v>2</v>', '<v>129.5</v>']));
    // The phone keeps its leading zero as text.
    expect(cells.filter((cell) => cell.text)).not.toHaveLength(0);
    expect(numbers.join('')).not.toContain('912345678');
  });
});
