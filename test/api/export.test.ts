import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { seedBook } from '../../electron/core/seed/seed';
import { transferMessages } from '../../shared/i18n/transfer';
import { callOk, fixedClock, freshCore, tempDir } from '../support/core';
import { importPlanOf } from '../support/result';

const read = (file: string) => readFileSync(file);

describe('export', () => {
  it('writes CSV as UTF-8 with a BOM, headers and labels in the chosen language', async () => {
    const core = freshCore();
    await callOk(core, 'settings-update', { timeZone: 'Asia/Taipei', currency: 'TWD' });
    const ada = await callOk(core, 'customers-create', { name: '陳美玲', phones: ['0912-345-678', '02-2345-6789'], gender: 'female', tags: ['VIP', '常客'], consentToContact: true, birthday: { month: 3, day: 4, year: null } });
    await callOk(core, 'visits-log', { customerId: ada.id, amountMinor: 128050, occurredAt: '2024-05-01T06:30:00Z', items: '拿鐵' });
    const [customers] = await callOk(core, 'export-run', { what: 'customers', format: 'csv', folder: tempDir(), language: 'zh-Hant' });
    const bytes = read(customers!.path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = Papa.parse<string[]>(bytes.toString('utf8').slice(1), { skipEmptyLines: true }).data;
    expect(rows[0]!.slice(0, 6)).toEqual(['編號', '姓名', '電話', '電子郵件', '生日', '性別']);
    const row = Object.fromEntries(rows[0]!.map((header, index) => [header, rows[1]![index]]));
    expect(row).toMatchObject({ 姓名: '陳美玲', 電話: '0912-345-678; 02-2345-6789', 生日: '03-04', 性別: '女', 標籤: 'VIP; 常客', 同意接受聯絡: '是', 累計消費: '1280.50', 上次來店: '2024-05-01 14:30:00' });
    const [visits] = await callOk(core, 'export-run', { what: 'visits', format: 'csv', folder: tempDir(), language: 'en' });
    expect(read(visits!.path).toString('utf8')).toContain('Date,Kind,Customer ID,Customer,Amount');
    expect(read(visits!.path).toString('utf8')).toContain(',Visit,');
  });

  it('carries the loyalty figures the owner sees on the profile: tier, quadrant, lapse, chance still a customer, expected visits, value', async () => {
    const clock = fixedClock('2026-11-20T10:00:00Z');
    const core = freshCore({ now: clock.now });
    seedBook(core.db, { customers: 200, visits: 2000, seed: 5, days: 400, now: clock.now() });
    const once = await callOk(core, 'customers-create', { name: '林小姐' });
    await callOk(core, 'visits-log', { customerId: once.id, amountMinor: 48000, occurredAt: '2026-11-20T09:00:00Z' });
    const cheap = await callOk(core, 'customers-create', { name: '王先生' });
    await callOk(core, 'visits-log', { customerId: cheap.id, amountMinor: 500, occurredAt: '2026-11-20T09:30:00Z' });
    const fit = await callOk(core, 'loyalty-value-fit', {});
    expect(fit).toMatchObject({ basis: 'model', simpleBecause: null });

    const [json] = await callOk(core, 'export-run', { what: 'customers', format: 'json', folder: tempDir() });
    const customers = JSON.parse(read(json!.path).toString('utf8')).tables.customers as { id: string; archivedAt: string | null; loyalty: Record<string, unknown> }[];
    const live = customers.filter((customer) => customer.archivedAt === null);
    for (const { loyalty } of live) {
      expect(Object.keys(loyalty)).toEqual(['tier', 'quadrant', 'lapse', 'probabilityAlive', 'expectedVisitsNextYear', 'lifetimeValueMinor']);
      expect(['key', 'major', 'regular', 'small']).toContain(loyalty.tier);
      expect(['active', 'lapsed', 'lost']).toContain(loyalty.lapse);
    }
    const returning = live.filter(({ loyalty }) => typeof loyalty.probabilityAlive === 'number');
    expect(returning.length).toBeGreaterThan(50);
    for (const { loyalty } of returning) {
      expect(loyalty.probabilityAlive).toBeGreaterThanOrEqual(0);
      expect(loyalty.probabilityAlive).toBeLessThanOrEqual(1);
    }
    // The same figures as the profile shows.
    const someone = returning[0]!;
    const profile = await callOk(core, 'loyalty-customer', { id: someone.id });
    expect(someone.loyalty).toMatchObject({ tier: profile.tier, lifetimeValueMinor: profile.value.lifetimeValueMinor });
    expect(someone.loyalty.probabilityAlive).toBeCloseTo(profile.value.probabilityAlive!, 6);
    expect(someone.loyalty.expectedVisitsNextYear).toBeCloseTo(profile.value.expectedVisitsNextYear!, 1);
    // One visit: the shop-wide estimate, and no chance-still-a-customer to tell.
    const first = customers.find((customer) => customer.id === once.id)!;
    expect(first.loyalty).toMatchObject({ lapse: 'active', probabilityAlive: null });
    // Whatever that one visit cost: never "$480 × 12.2 visits a year × 3 years".
    expect(customers.find((customer) => customer.id === cheap.id)!.loyalty).toEqual(first.loyalty);

    for (const [language, headers] of [
      ['en', ['Customer tier', 'Satisfaction × loyalty', 'Coming back?', 'Chance still a customer (0–1)', 'Visits expected in the next 365 days', 'Expected value (horizon in settings)']],
      ['zh-Hant', ['客戶等級', '滿意度 × 忠誠度', '還會來嗎？', '仍是客戶的機率（0–1）', '未來 365 天預期來店次數', '預期價值（期間見設定）']],
      ['zh-Hans', ['客户等级', '满意度 × 忠诚度', '还会来吗？', '仍是客户的概率（0–1）', '未来 365 天预期到店次数', '预期价值（期间见设置）']],
    ] as const) {
      const [csv] = await callOk(core, 'export-run', { what: 'customers', format: 'csv', folder: tempDir(), language });
      const rows = Papa.parse<string[]>(read(csv!.path).toString('utf8').slice(1), { skipEmptyLines: true }).data;
      expect(rows[0]!.slice(-6)).toEqual(headers);
      const byId = new Map(rows.slice(1).map((row) => [row[0], row.slice(-6)]));
      const [tier, , lapse, alive, visits, value] = byId.get(someone.id)!;
      expect(tier).toBe(transferMessages[language].values.tier[profile.tier]);
      expect(lapse).not.toBe('');
      expect(Number(alive)).toBeCloseTo(someone.loyalty.probabilityAlive as number, 2);
      expect(Number(visits)).toBeCloseTo(someone.loyalty.expectedVisitsNextYear as number, 1);
      expect(Number(value) * 100).toBe(someone.loyalty.lifetimeValueMinor);
      expect(byId.get(once.id)![3]).toBe('');
    }
  });

  it('writes reminders with their kind, status and who they are for, in the chosen language', async () => {
    const core = freshCore();
    await callOk(core, 'settings-update', { timeZone: 'Asia/Taipei' });
    const staff = await callOk(core, 'staff-create', { name: '小芳' });
    const customer = await callOk(core, 'customers-create', { name: '林志明', phones: ['0922333444'] });
    const cake = await callOk(core, 'reminders-create', { customerId: customer.id, dueDay: '2099-03-11', note: '確認蛋糕訂單', staffId: staff.id });
    await callOk(core, 'reminders-complete', { id: cake.id, note: '週六取貨' });
    const [file] = await callOk(core, 'export-run', { what: 'reminders', format: 'csv', folder: tempDir(), language: 'zh-Hant' });
    const rows = Papa.parse<string[]>(read(file!.path).toString('utf8').slice(1), { skipEmptyLines: true }).data;
    const row = Object.fromEntries(rows[0]!.map((header, index) => [header, rows[1]![index]]));
    expect(file!.rows).toBe(1);
    expect(row).toMatchObject({ 類型: '自訂提醒', 客戶: '林志明', 到期日: '2099-03-11', 狀態: '已完成', 備註: '確認蛋糕訂單', 負責人: '小芳', 結果: '週六取貨' });
  });

  it('writes complaints with their promises kept or broken and the compensation, in the chosen language', async () => {
    const core = freshCore({ now: () => new Date('2026-03-10T02:00:00.000Z') });
    await callOk(core, 'settings-update', { timeZone: 'Asia/Taipei', currency: 'TWD' });
    const customer = await callOk(core, 'customers-create', { name: '林志明', phones: ['0922333444'] });
    const complaint = await callOk(core, 'complaints-log', { customerId: customer.id, channel: 'phone', category: 'price', severity: 'high', description: '結帳重複刷卡' });
    await callOk(core, 'complaints-resolve', { id: complaint.id, resolution: '已退款', compensation: { kind: 'refund', amountMinor: 18000 } });
    const [file] = await callOk(core, 'export-run', { what: 'complaints', format: 'csv', folder: tempDir(), language: 'zh-Hant' });
    const rows = Papa.parse<string[]>(read(file!.path).toString('utf8').slice(1), { skipEmptyLines: true }).data;
    const row = Object.fromEntries(rows[0]!.map((header, index) => [header, rows[1]![index]]));
    expect(row).toMatchObject({ 客戶: '林志明', 類別: '價格', 嚴重程度: '嚴重', 狀態: '已解決', 回覆期限: '2026-03-10 12:00:00', 回覆承諾: '守約', 解決承諾: '守約', 補償: '退款', 補償金額: '180.00', 處理結果: '已退款' });
  });

  it('writes who brought whom, in the chosen language, and the rewards ledger in the full JSON export', async () => {
    const core = freshCore();
    await callOk(core, 'settings-update', { timeZone: 'Asia/Taipei' });
    const mei = await callOk(core, 'customers-create', { name: '陳美玲' });
    const lin = await callOk(core, 'customers-create', { name: '林志明' });
    await callOk(core, 'referrals-set', { customerId: lin.id, referrerId: mei.id });
    await callOk(core, 'visits-log', { customerId: lin.id, amountMinor: 5000 });
    const [file] = await callOk(core, 'export-run', { what: 'referrals', format: 'csv', folder: tempDir(), language: 'zh-Hant' });
    const rows = Papa.parse<string[]>(read(file!.path).toString('utf8').slice(1), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['客戶編號', '客戶', '推薦人編號', '推薦人', '推薦日期', '登記人']);
    expect(rows[1]!.slice(0, 4)).toEqual([lin.id, '林志明', mei.id, '陳美玲']);
    const [all] = await callOk(core, 'export-run', { what: 'all', format: 'json', folder: tempDir() });
    const json = JSON.parse(read(all!.path).toString('utf8'));
    expect(json.tables.referrals).toEqual([expect.objectContaining({ customerId: lin.id, referrerId: mei.id })]);
    expect(json.tables.referralRewards).toEqual([expect.objectContaining({ referrerId: mei.id, referredId: lin.id, status: 'earned', kind: 'thanks' })]);
  });

  it('is deterministic: the same book gives byte-identical files', async () => {
    const core = freshCore();
    seedBook(core.db, { customers: 50, visits: 400, seed: 3, days: 100, now: new Date('2026-11-20T10:00:00Z') });
    for (const format of ['csv', 'json'] as const) {
      const first = await callOk(core, 'export-run', { what: 'all', format, folder: tempDir() });
      const second = await callOk(core, 'export-run', { what: 'all', format, folder: tempDir() });
      expect(first.map((file) => read(file.path).toString('base64'))).toEqual(second.map((file) => read(file.path).toString('base64')));
    }
  });

  it('the full JSON export holds every table, one object per line', async () => {
    const core = freshCore();
    seedBook(core.db, { customers: 5, visits: 20, seed: 3, days: 30, now: new Date('2026-11-20T10:00:00Z') });
    const [file] = await callOk(core, 'export-run', { what: 'all', format: 'json', folder: tempDir() });
    const json = JSON.parse(read(file!.path).toString('utf8'));
    expect(json).toMatchObject({ format: 'regulars-export', formatVersion: 1, settings: { currency: expect.any(String) } });
    expect(Object.keys(json.tables)).toEqual(['staff', 'customers', 'visits', 'satisfaction', 'reminders', 'winBackAttempts', 'statusEvents', 'complaints', 'complaintPromises', 'complaintTransitions', 'referrals', 'referralRewards']);
    expect(json.tables.customers).toHaveLength(5);
    const tables = ['staff', 'customers', 'visits', 'satisfaction_answers', 'reminders', 'win_back_attempts', 'customer_status_events', 'complaints', 'complaint_promises', 'complaint_transitions', 'referrals', 'referral_rewards'];
    const rowsInBook = tables.reduce((sum, table) => sum + (core.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number), 0);
    expect(json.tables.reminders.length).toBeGreaterThan(0);
    expect(file!.rows).toBe(rowsInBook);
  });

  it('keeps a spreadsheet from running a cell as a formula, and imports the value back unchanged', async () => {
    const core = freshCore();
    await callOk(core, 'customers-create', { name: '=HYPERLINK("http://evil","click")', notes: '+1 call back\n=1+1' });
    const [file] = await callOk(core, 'export-run', { what: 'customers', format: 'csv', folder: tempDir(), language: 'en' });
    const text = read(file!.path).toString('utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://evil"",""click"")"`);
    expect(text).toContain(`"'+1 call back\n=1+1"`);
    const other = freshCore();
    const source = { kind: 'path' as const, path: file!.path };
    const analysis = await callOk(other, 'import-analyse', { source });
    await callOk(other, 'import-commit', importPlanOf(source, analysis));
    const imported = await callOk(other, 'customers-get', { id: (await callOk(other, 'customers-list', {})).rows[0]!.id });
    expect(imported.name).toBe('=HYPERLINK("http://evil","click")');
    expect(imported.notes).toBe('+1 call back\n=1+1');
  });

  it('gives a header row alone for a kind the book has none of, and offers every kind', async () => {
    const core = freshCore();
    const [visits] = await callOk(core, 'export-run', { what: 'visits', format: 'csv', folder: tempDir(), language: 'en' });
    expect(read(visits!.path).toString('utf8').trim().split('\r\n')).toHaveLength(1);
    expect(visits!.rows).toBe(0);
    const kinds = await callOk(core, 'export-kinds', {});
    expect(kinds.map((entry) => entry.kind)).toEqual(['customers', 'visits', 'complaints', 'referrals', 'reminders']);
  });

  it('refuses a destination that is a file, not a folder', async () => {
    const core = freshCore();
    const file = path.join(tempDir(), 'occupied');
    writeFileSync(file, 'x');
    expect(await core.call('export-run', { what: 'customers', format: 'csv', folder: file })).toMatchObject({ ok: false, error: { code: 'FILE_REFUSED' } });
  });
});
