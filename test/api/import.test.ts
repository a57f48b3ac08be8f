import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportAnalysis } from '../../shared/contract/transfer';
import { asBig5, asGbk, asUtf8Bom, googleContactsExport, mainlandMemberExport, taiwanPosExport } from '../support/spreadsheets';
import { bookSnapshot, callOk, freshCore, tempDir } from '../support/core';
import { importPlanOf } from '../support/result';
import { nameGrams } from '../../shared/search';
import { nameSearchKeys } from '../../shared/search-keys';
import { nameKey } from '../../shared/text';

type Core = ReturnType<typeof freshCore>;

const writeFile = (name: string, content: string | Buffer): string => {
  const file = path.join(tempDir('regulars-import-'), name);
  writeFileSync(file, content);
  return file;
};

const analyse = (core: Core, file: string) => callOk(core, 'import-analyse', { source: { kind: 'path', path: file } });

const planOf = (file: string, analysis: ImportAnalysis) => importPlanOf({ kind: 'path', path: file }, analysis);

const customersNamed = (core: Core) => core.db.prepare('SELECT name FROM customers ORDER BY name').pluck().all() as string[];

/** The full JSON export: "the book exactly as it was" means this is byte-identical. */
const exportText = async (core: Core): Promise<string> => {
  const [file] = await callOk(core, 'export-run', { what: 'all', format: 'json', folder: tempDir(), fileName: 'book.json' });
  return readFileSync(file!.path, 'utf8');
};

describe('importing customers', () => {
  it('imports a Big5 POS export: names, phones, birthdays (ROC years too), notes, and the columns it has no field for', async () => {
    const core = freshCore();
    await callOk(core, 'settings-update', { timeZone: 'Asia/Taipei', country: 'TW' });
    const file = writeFile('會員.csv', asBig5(taiwanPosExport));
    const analysis = await analyse(core, file);
    expect(analysis).toMatchObject({ encoding: 'big5', delimiter: ',', headerRow: 1, rowCount: 4 });
    const outcome = await callOk(core, 'import-commit', planOf(file, analysis));
    expect(outcome).toMatchObject({ created: 4, skippedDuplicates: 0, skippedInvalid: 0 });
    expect(customersNamed(core)).toEqual(['張家豪', '林志明', '陳美玲', '黃淑芬'].sort());

    const [hit] = (await callOk(core, 'customers-search', { query: '5678' })).rows;
    const detail = await callOk(core, 'customers-get', { id: hit!.id });
    expect(detail).toMatchObject({ name: '陳美玲', gender: 'female', birthday: { month: 3, day: 4, year: 1985 }, address: '台北市信義區松仁路100號5樓' });
    expect(detail.notes).toContain('喜歡靠窗的位子');
    // Spend and points are the customer's history from the old POS, not words in the notes.
    expect(detail.notes).not.toContain('累積消費金額');
    expect(detail).toMatchObject({ revenueMinor: 1_280_000, visitCount: 0 });
    expect(detail.createdAt).toBe('2023-01-15T02:30:00.000Z');
    const lin = await callOk(core, 'customers-get', { id: (await callOk(core, 'customers-search', { query: '222111' })).rows[0]!.id });
    expect(lin).toMatchObject({ birthday: { month: 5, day: 12, year: 1990 }, source: 'referral' });
    // The referrer column becomes a referral link, not a line in the notes.
    expect(lin.notes).not.toContain('陳美玲');
    expect((await callOk(core, 'referrals-tree', { id: lin.id })).referredBy?.referrer.name).toBe('陳美玲');
    expect(outcome.referrerLinks).toBe(2);
  });

  it('imports a GBK membership export: labels split on 、, a referrer found in the same file', async () => {
    const core = freshCore({ systemLocales: ['zh-CN'] });
    const file = writeFile('members.csv', asGbk(mainlandMemberExport));
    const analysis = await analyse(core, file);
    expect(analysis.encoding).toBe('gb18030');
    const preview = await callOk(core, 'import-preview', planOf(file, analysis));
    expect(preview.rows.find((row) => row.name === '李静')?.referrer).toEqual({ text: '王小明', customer: { id: null, name: '王小明' }, outcome: 'found' });
    await callOk(core, 'import-commit', planOf(file, analysis));
    const find = async (name: string) => callOk(core, 'customers-get', { id: (await callOk(core, 'customers-search', { query: name })).rows[0]!.id });
    expect((await find('13800138000')).tags).toEqual(['咖啡', '甜点']);
    const li = await find('13912345678');
    expect(li.source).toBe('referral');
    expect(li.notes).not.toContain('王小明');
    const tree = await callOk(core, 'referrals-tree', { id: li.id });
    expect(tree.referredBy?.referrer.name).toBe('王小明');
    const xiaoming = await callOk(core, 'referrals-tree', { id: tree.referredBy!.referrer.id });
    expect(xiaoming.nodes.map((node) => node.name)).toEqual(['李静']);
    const [history] = (await callOk(core, 'customers-timeline', { id: li.id })).items.filter((item) => item.kind === 'imported_history');
    expect(history).toMatchObject({ history: { sourceName: 'members.csv', memberLevel: '银卡', points: 120, revenueMinor: 86_000 } });
  });

  it('finds imported customers the way it finds customers typed in: phone ending, part of a name, tag, e-mail', async () => {
    const core = freshCore({ systemLocales: ['zh-CN'] });
    const file = writeFile('members.csv', asGbk(mainlandMemberExport));
    await callOk(core, 'import-commit', planOf(file, await analyse(core, file)));
    const typed = await callOk(core, 'customers-create', { name: '王小明', phones: ['13800138001'] });
    const search = async (query: string) => (await callOk(core, 'customers-search', { query })).rows.map((row) => row.name).sort();
    expect(await search('8000')).toEqual(['王小明']);
    expect(await search('小明')).toEqual(['王小明', '王小明']);
    expect(await search('喜欢拿铁')).toEqual(['王小明']);
    expect(await search('李')).toEqual(['李静']);
    expect(typed.name).toBe('王小明');
    const indexed = core.db.prepare('SELECT count(*) FROM customers_fts').pluck().get();
    expect(indexed).toBe(core.db.prepare('SELECT count(*) FROM customers').pluck().get());
  });

  it('puts the schema back exactly as it was: every trigger and index', async () => {
    const core = freshCore();
    const schema = () => core.db.prepare("SELECT type, name, sql FROM sqlite_schema WHERE type IN ('index', 'trigger') ORDER BY name").all();
    const before = schema();
    const rows = ['Name,Phone', ...Array.from({ length: 6000 }, (_, i) => `Customer ${i},09${String(20000000 + i)}`)].join('\n');
    const file = writeFile('many.csv', rows);
    expect(await callOk(core, 'import-commit', planOf(file, await analyse(core, file)))).toMatchObject({ created: 6000 });
    expect(schema()).toEqual(before);
    expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((await callOk(core, 'customers-search', { query: '20005999' })).rows.map((row) => row.name)).toEqual(['Customer 5999']);
  });

  it('a large import writes the same name grams and spelled keys as the form would, and finds customers by them', async () => {
    const core = freshCore();
    const family = [...'陳林黃張李王吳劉蔡楊'];
    const given = [...'小明華偉志俊傑建宏文雅婷'];
    const names = Array.from({ length: 6000 }, (_, i) => `${family[i % 10]}${given[Math.floor(i / 10) % 12]}${given[Math.floor(i / 120) % 12]}`);
    names[4321] = 'Zoë Ng';
    const rows = ['姓名,手機', ...names.map((name, i) => `${name},09${String(30000000 + i)}`)].join('\n');
    const file = writeFile('large.csv', rows);
    expect(await callOk(core, 'import-commit', planOf(file, await analyse(core, file)))).toMatchObject({ created: 6000 });
    const byRid = new Map((core.db.prepare('SELECT rid, name FROM customers').all() as { rid: number; name: string }[]).map((row) => [row.rid, row.name]));
    const stored = (table: 'customer_name_grams' | 'customer_name_keys', column: 'gram' | 'key') =>
      (core.db.prepare(`SELECT ${column} AS value, customer_rid AS rid FROM ${table}`).all() as { value: string; rid: number }[]).map((row) => `${row.rid}:${row.value}`).sort();
    const expected = (parts: (name: string) => string[]) => [...byRid].flatMap(([rid, name]) => parts(name).map((part) => `${rid}:${part}`)).sort();
    expect(stored('customer_name_grams', 'gram')).toEqual(expected(nameGrams));
    expect(stored('customer_name_keys', 'key')).toEqual(expected(nameSearchKeys));
    // The writer works each name's key out once for all who share the name: every row still carries its own name's key.
    for (const row of core.db.prepare('SELECT name, name_key FROM customers').all() as { name: string; name_key: string }[]) expect(row.name_key).toBe(nameKey(row.name));
    const search = async (query: string) => (await callOk(core, 'customers-search', { query, limit: 500 })).rows.map((row) => row.name);
    expect(new Set(await search('黃偉'))).toEqual(new Set(names.filter((name) => name.includes('黃偉'))));
    expect(await search('zoe')).toEqual(['Zoë Ng']);
    expect(new Set(await search('chenxiaoming'))).toEqual(new Set(['陳小明']));
    expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('a large import leaves no row pointing at nothing: every reference holds as SQLite checks them', async () => {
    const core = freshCore();
    const regular = await callOk(core, 'customers-create', { name: 'Wang Da-ming', phones: ['+886 912 000 111'] });
    const members = Array.from({ length: 6000 }, (_, i) => {
      // Referred by the customer already in the book, by an earlier row of the file, or by nobody.
      const referrer = i % 3 === 0 ? '0912-000-111' : i % 3 === 1 ? `Member ${i - 1}` : '';
      return `Member ${i},09${String(40000000 + i)},m${i}@example.com,VIP;café,${referrer},${1 + (i % 9)},${100 + i}`;
    });
    const memberFile = writeFile('members.csv', ['Name,Phone,Email,Tags,Referrer,Total visits,Total spent', ...members].join('\n'));
    expect(await callOk(core, 'import-commit', planOf(memberFile, await analyse(core, memberFile)))).toMatchObject({ created: 6000, histories: 6000, referrerLinks: 4000 });
    const sales = ['Date,Customer,Phone,Amount', '2024-05-01 10:00,王大明,0912-000-111,120', '2024-05-02 10:00,Member 7,0940000007,80'].join('\n');
    const salesFile = writeFile('sales.csv', sales);
    expect(await callOk(core, 'import-commit', planOf(salesFile, await analyse(core, salesFile)))).toMatchObject({ created: 0, visits: 2 });
    expect((await callOk(core, 'customers-get', { id: regular.id })).visitCount).toBe(1);
    expect(core.db.pragma('foreign_key_check')).toEqual([]);
    expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('a large import of dated histories completes: the derived pass runs while the customers\' indexes are set aside', async () => {
    const core = freshCore();
    // Dated histories make the pass recount the months, which prepares the dashboard's statements on
    // the import's connection: one that named a customers' index could not be prepared then.
    const members = Array.from({ length: 6000 }, (_, i) => `Member ${i},09${String(50000000 + i)},2024-0${1 + (i % 9)}-01,2026-0${1 + (i % 9)}-15,${2 + (i % 7)},${100 + i}`);
    const file = writeFile('dated.csv', ['Name,Phone,First visit,Last visit,Total visits,Total spent', ...members].join('\n'));
    expect(await callOk(core, 'import-commit', planOf(file, await analyse(core, file)))).toMatchObject({ created: 6000, histories: 6000 });
    expect(core.db.prepare('SELECT count(*) FROM customers WHERE first_visit_at IS NOT NULL').pluck().get()).toBe(6000);
    expect(core.db.prepare('SELECT count(*) FROM visit_month_figures WHERE new_customers > 0').pluck().get()).toBeGreaterThan(0);
  });

  it('imports a POS sales export as customers with their visits, and keeps the activity summary right', async () => {
    const core = freshCore();
    await callOk(core, 'settings-update', { timeZone: 'Asia/Taipei', country: 'TW' });
    const sales = [
      '消費日期,會員姓名,手機,品項,實收金額',
      '2024/05/01 14:30,王大明,0912-000-111,拿鐵,NT$120',
      '2024/05/03 09:10,王大明,0912000111,美式,90',
      '2024/05/02 18:00,李小華,0933-222-333,蛋糕,"1,280"',
    ].join('\r\n');
    const file = writeFile('sales.csv', asUtf8Bom(sales));
    const analysis = await analyse(core, file);
    const preview = await callOk(core, 'import-preview', planOf(file, analysis));
    expect(preview.totals).toMatchObject({ rows: 3, newCustomers: 2, sameAsAbove: 1, visits: 3, invalidRows: 0 });
    await callOk(core, 'import-commit', planOf(file, analysis));
    const wang = await callOk(core, 'customers-get', { id: (await callOk(core, 'customers-search', { query: '王大明' })).rows[0]!.id });
    expect(wang).toMatchObject({ visitCount: 2, revenueMinor: 21000, lastVisitAt: '2024-05-03T01:10:00.000Z', firstVisitAt: '2024-05-01T06:30:00.000Z' });
  });

  it('skips customers already in the book and adds their new visits; importing the same file twice changes nothing', async () => {
    const core = freshCore();
    const existing = await callOk(core, 'customers-create', { name: 'Wang Da-ming', phones: ['+886 912 000 111'] });
    const sales = ['Date,Customer,Phone,Amount', '2024-05-01 10:00,王大明,0912-000-111,120', '2024-05-02 10:00,Grace,0955-000-999,80'].join('\n');
    const file = writeFile('sales.csv', sales);
    const preview = await callOk(core, 'import-preview', planOf(file, await analyse(core, file)));
    expect(preview.totals).toMatchObject({ newCustomers: 1, duplicates: 1, visits: 2 });
    expect(preview.rows.find((row) => row.row === 2)).toMatchObject({ status: 'duplicate', match: { id: existing.id, reason: 'phone' } });
    await callOk(core, 'import-commit', planOf(file, await analyse(core, file)));
    expect((await callOk(core, 'customers-get', { id: existing.id })).visitCount).toBe(1);
    const before = await exportText(core);
    const again = await callOk(core, 'import-commit', planOf(file, await analyse(core, file)));
    expect(again).toMatchObject({ created: 0, skippedDuplicates: 2, visits: 0 });
    expect((await exportText(core)).replace(/"audit[^\n]*\n/g, '')).toBe(before.replace(/"audit[^\n]*\n/g, ''));
  });

  it('names each bad row and its problem, and imports nothing until the owner says to skip them', async () => {
    const core = freshCore();
    const sheet = ['Name,Phone,Email,Birthday,Gender', 'Ada,0912345678,ada@example.com,1990-01-02,F', 'Bob,9.12346E+08,,,', ',0933000111,,,', 'Carol,0955111222,carol@,31/02/1990,banana'].join('\n');
    const file = writeFile('people.csv', sheet);
    const analysis = await analyse(core, file);
    const preview = await callOk(core, 'import-preview', planOf(file, analysis));
    expect(preview.totals).toMatchObject({ rows: 4, invalidRows: 3, newCustomers: 1 });
    expect(preview.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: 'Phone', rule: 'phone_as_number', value: '9.12346E+08' }),
        expect.objectContaining({ row: 4, column: 'Name', rule: 'required' }),
        expect.objectContaining({ row: 5, column: 'Email', rule: 'invalid_email', value: 'carol@' }),
        expect.objectContaining({ row: 5, column: 'Birthday', rule: 'invalid_date' }),
        expect.objectContaining({ row: 5, column: 'Gender', rule: 'invalid_choice', value: 'banana' }),
      ]),
    );
    const before = bookSnapshot(core);
    expect(await core.call('import-commit', planOf(file, analysis))).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', details: { reason: 'import_has_errors' } } });
    expect(bookSnapshot(core)).toBe(before);
    expect(await callOk(core, 'import-commit', { ...planOf(file, analysis), skipInvalid: true })).toMatchObject({ created: 1, skippedInvalid: 3 });
    expect(customersNamed(core)).toEqual(['Ada']);
  });

  it('refuses a single field mapped from two columns', async () => {
    const core = freshCore();
    const file = writeFile('x.csv', 'Name,Nickname\nAda,Countess\n');
    const analysis = await analyse(core, file);
    expect(await core.call('import-preview', { ...planOf(file, analysis), mapping: ['name', 'name'] })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', details: { issues: [{ path: 'mapping.1', rule: 'invalid_choice' }] } },
    });
  });

  it('refuses a file that changed after it was checked', async () => {
    const core = freshCore();
    const file = writeFile('x.csv', 'Name\nAda\n');
    const analysis = await analyse(core, file);
    writeFileSync(file, 'Name\nAda\nBob\n');
    expect(await core.call('import-commit', planOf(file, analysis))).toMatchObject({ ok: false, error: { code: 'FILE_REFUSED', details: { reason: 'file_changed', name: 'x.csv' } } });
  });

  it('takes a file sent in pieces (browser mode), and refuses one that did not arrive whole', async () => {
    const core = freshCore();
    const bytes = asUtf8Bom(googleContactsExport);
    const { uploadId } = await callOk(core, 'files-upload-begin', { name: 'contacts.csv', sizeBytes: bytes.length });
    await callOk(core, 'files-upload-chunk', { uploadId, offset: 0, data: bytes.subarray(0, 100).toString('base64') });
    const source = { kind: 'upload' as const, uploadId };
    expect(await core.call('import-analyse', { source })).toMatchObject({ ok: false, error: { code: 'FILE_REFUSED', details: { reason: 'upload_incomplete', name: 'contacts.csv' } } });
    expect(await core.call('files-upload-chunk', { uploadId, offset: 50, data: 'AAAA' })).toMatchObject({ ok: false, error: { details: { reason: 'upload_incomplete' } } });
    await callOk(core, 'files-upload-chunk', { uploadId, offset: 100, data: bytes.subarray(100).toString('base64') });
    const analysis = await callOk(core, 'import-analyse', { source });
    expect(analysis).toMatchObject({ fileName: 'contacts.csv', rowCount: 2 });
    await callOk(core, 'import-commit', { ...planOf('', analysis), source });
    expect(customersNamed(core)).toEqual(['Ada Lovelace', '王大同']);
    const ada = await callOk(core, 'customers-get', { id: (await callOk(core, 'customers-search', { query: 'Ada' })).rows[0]!.id });
    expect(ada).toMatchObject({ email: 'ada@example.com', birthday: { month: 12, day: 10, year: 1995 } });
    expect(ada.phones.map((phone) => phone.display)).toEqual(['+886 912 000 111', '02-2700-1234']);
  });
});

describe('broken input changes nothing', () => {
  const cases: [string, string | Buffer, string][] = [
    ['random bytes', Buffer.from(Array.from({ length: 10_000 }, (_, i) => (i * 2654435761) % 256)), 'binary'],
    ['an empty file', '', 'empty'],
    ['a 5 MB single field', `Name\r\n"${'長'.repeat(5 * 1024 * 1024)}"\r\n`, 'field_too_large'],
    ['an unterminated quote', 'Name,Notes\r\nAda,"never closed\r\nBob,x\r\n', 'unterminated_quote'],
    ['a JSON file named .csv', JSON.stringify([{ name: 'Ada', phone: '0912345678' }]), 'json_not_csv'],
  ];

  it.each(cases)('%s: a clear refusal, and the book exactly as it was', async (_label, content, reason) => {
    const core = freshCore();
    await callOk(core, 'customers-create', { name: '王小明', phones: ['0912345678'] });
    const before = await exportText(core);
    const file = writeFile('customers.csv', content);
    const analysed = await core.call('import-analyse', { source: { kind: 'path', path: file } });
    expect(analysed).toMatchObject({ ok: false, error: { code: 'FILE_REFUSED', details: { reason, name: 'customers.csv' } } });
    expect(await exportText(core)).toBe(before);
  });

  it('a backup picked for import is named as such', async () => {
    const core = freshCore();
    const run = await callOk(core, 'backup-create', { folder: tempDir() });
    expect(await core.call('import-analyse', { source: { kind: 'path', path: run.file } })).toMatchObject({
      ok: false,
      error: { code: 'FILE_REFUSED', details: { reason: 'backup_not_csv' } },
    });
  });

  it('a missing file is named', async () => {
    const core = freshCore();
    expect(await core.call('import-analyse', { source: { kind: 'path', path: '/nowhere/at/all.csv' } })).toMatchObject({
      ok: false,
      error: { code: 'FILE_REFUSED', details: { reason: 'not_found', name: 'all.csv' } },
    });
  });
});
