import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { complaintActions } from '../../shared/complaints/lifecycle';
import { auditLabels } from '../../shared/i18n/audit';
import { languages } from '../../shared/locale';
import { callOk, fixedClock, freshCore } from '../support/core';

const sourceFiles = (folder: string): string[] =>
  readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : full.endsWith('.ts') ? [full] : [];
  });

/** Every action and record type the core writes into the trail, read from its recordAudit calls. */
const recordedCodes = () => {
  const actions = new Set<string>(['complaint.log', ...complaintActions.map((action) => `complaint.${action}`), 'complaint.escalate', 'complaint.approve', 'complaint.decline']);
  const entities = new Set<string>();
  for (const file of sourceFiles('electron/core')) {
    const text = readFileSync(file, 'utf8');
    for (const line of text.split('\n').filter((line) => /\baction\b/.test(line))) {
      for (const [, code] of line.matchAll(/'([a-z_]+\.[a-z_-]+)'/g)) actions.add(code!);
    }
    // `entity:` also names what an error could not find (err('NOT_FOUND', { entity })); those are not audit entries.
    for (const line of text.split('\n').filter((line) => !line.includes('err('))) {
      for (const [, entity] of line.matchAll(/entity: '([a-z_]+)'/g)) entities.add(entity!);
    }
  }
  return { actions: [...actions], entities: [...entities] };
};

describe('the audit trail speaks the owner’s language', () => {
  it('has a label for every action and record type the core records, in every language', () => {
    const { actions, entities } = recordedCodes();
    expect(actions).toEqual(expect.arrayContaining(['backup.create', 'export.run', 'import.commit', 'winback.attempt', 'reminder.snooze']));
    expect(entities).toEqual(expect.arrayContaining(['backup', 'export', 'import', 'book', 'reminder']));
    for (const language of languages) {
      expect(actions.filter((code) => !Object.hasOwn(auditLabels[language].actions, code)), language).toEqual([]);
      expect(entities.filter((code) => !Object.hasOwn(auditLabels[language].entities, code)), language).toEqual([]);
    }
  });

  it('writes a complaint’s category, states, promises and compensation as words and money in the CSV', async () => {
    const core = freshCore({ now: fixedClock('2026-03-01T02:00:00.000Z').now });
    await callOk(core, 'settings-update', { timeZone: 'Asia/Taipei', currency: 'USD' });
    const customer = await callOk(core, 'customers-create', { name: '林美華' });
    const complaint = await callOk(core, 'complaints-log', { customerId: customer.id, channel: 'in_person', category: 'slow_response', severity: 'medium', description: 'Waited 40 minutes' });
    await callOk(core, 'complaints-acknowledge', { id: complaint.id, note: '' });
    await callOk(core, 'complaints-resolve', { id: complaint.id, resolution: 'Refunded', compensation: { kind: 'refund', amountMinor: 80000 } });

    const english = await callOk(core, 'audit-export', { entity: 'complaint', language: 'en' });
    const rows = Papa.parse<string[]>(english.csv.slice(1), { skipEmptyLines: true }).data;
    const changes = (code: string) => rows.find((row) => row[5] === code)![9]!;
    expect(rows.find((row) => row[5] === 'complaint.log')![4]).toBe('Logged a complaint');
    expect(changes('complaint.log')).toContain('Category: Slow response');
    expect(changes('complaint.log')).toContain('Reply promised: by 2026-03-');
    expect(changes('complaint.acknowledge')).toContain('State: Open → Acknowledged');
    expect(changes('complaint.resolve')).toContain('Compensation: Refund $800');
    for (const row of rows.slice(1)) expect(row[9]).not.toMatch(/[{}]|"id"|amountMinor|slow_response/);

    const chinese = await callOk(core, 'audit-export', { entity: 'complaint', language: 'zh-Hant' });
    const zhRows = Papa.parse<string[]>(chinese.csv.slice(1), { skipEmptyLines: true }).data;
    const zhChanges = zhRows.map((row) => row[9]).join('\n');
    expect(zhChanges).toContain('類別: 回應太慢');
    expect(zhChanges).toContain('狀態: 待處理 → 已受理');
    expect(zhChanges).toContain('補償: 退款 US$800');
  });
});

describe('the referral reward rules in the trail', () => {
  it('name the kind of reward and give a discount in money and points as points, never minor units', async () => {
    const core = freshCore();
    await callOk(core, 'settings-update', { currency: 'TWD' });
    await callOk(core, 'referrals-rules-update', { rewardKind: 'discount', rewardValue: 18_000 });
    await callOk(core, 'referrals-rules-update', { rewardKind: 'gift', rewardGift: 'Latte' });
    await callOk(core, 'referrals-rules-update', { rewardKind: 'points', rewardValue: 50 });
    const english = (await callOk(core, 'audit-export', { entity: 'settings', language: 'en' })).csv;
    const rows = Papa.parse<string[]>(english.slice(1), { skipEmptyLines: true }).data;
    const changes = rows.filter((row) => row[5] === 'referral_rules.update').map((row) => row[9]!);
    expect(changes).toContainEqual(expect.stringMatching(/^Reward: Thank-you → Discount\nDiscount: NT\$180(\.00)?$/));
    expect(changes).toContainEqual(expect.stringMatching(/^Reward: Discount → Gift\nGift: — → Latte\nDiscount: NT\$180(\.00)?$/));
    expect(changes).toContainEqual('Reward: Gift → Points\nPoints given: 50');
    expect(changes.join('\n')).not.toMatch(/18000|discount|gift →/);
    const chinese = (await callOk(core, 'audit-export', { entity: 'settings', language: 'zh-Hant' })).csv;
    expect(chinese).toContain('獎勵: 折扣 → 贈品');
  });
});

describe('every field the trail records has a name', () => {
  it('after a day of the shop’s usual actions, in every language', async () => {
    const clock = fixedClock('2026-03-02T02:00:00.000Z');
    const core = freshCore({ now: clock.now });
    await callOk(core, 'settings-update', { timeZone: 'Asia/Taipei', currency: 'TWD', shopName: '小巷咖啡' });
    const staff = await callOk(core, 'staff-create', { name: '阿明' });
    const mei = await callOk(core, 'customers-create', { name: '林美華', phones: ['0922333444'], tags: ['常客'], notes: '燕麥拿鐵' });
    const wen = await callOk(core, 'customers-create', { name: '陳大文' });
    await callOk(core, 'customers-update', { id: mei.id, fields: { name: '林美華', phones: ['0922333444'], tags: ['常客', '外帶'], notes: '燕麥拿鐵，少冰' } });
    await callOk(core, 'customers-add-note', { customerId: mei.id, note: '下週生日' });
    const visit = await callOk(core, 'visits-log', { customerId: mei.id, amountMinor: 18_000, satisfaction: 3 });
    await callOk(core, 'visits-log-contact', { customerId: wen.id, method: 'message' });
    await callOk(core, 'visits-archive', { id: visit.id });
    await callOk(core, 'visits-unarchive', { id: visit.id });
    await callOk(core, 'satisfaction-record', { customerId: mei.id, level: 2 });
    await callOk(core, 'referrals-set', { customerId: wen.id, referrerId: mei.id });
    const reminder = await callOk(core, 'reminders-create', { customerId: mei.id, dueDay: '2026-03-03', note: '問候', staffId: staff.id });
    await callOk(core, 'reminders-snooze', { id: reminder.id, until: '2026-03-05' });
    await callOk(core, 'reminders-complete', { id: reminder.id, note: '已聯絡' });
    await callOk(core, 'reminders-reopen', { id: reminder.id });
    await callOk(core, 'winback-record-attempt', { customerId: wen.id, outcome: 'no_answer', note: '' });
    await callOk(core, 'winback-mark-lost', { customerId: wen.id, reason: 'price' });
    const complaint = await callOk(core, 'complaints-log', { customerId: mei.id, channel: 'in_person', category: 'slow_response', severity: 'medium', description: '等太久' });
    await callOk(core, 'complaints-acknowledge', { id: complaint.id, note: '' });
    await callOk(core, 'complaints-resolve', { id: complaint.id, resolution: '退款', compensation: { kind: 'refund', amountMinor: 8000 } });
    await callOk(core, 'reminders-settings-update', { lapseMultiplier: 2 });
    await callOk(core, 'loyalty-settings-update', { pointsPerLift: 3 });
    await callOk(core, 'customers-archive', { id: wen.id });

    const entries = (await callOk(core, 'audit-list', { limit: 200 })).entries;
    const recorded = new Set<string>();
    const collect = (value: unknown) => {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
      for (const key of Object.keys(value)) recorded.add(key);
    };
    for (const entry of entries) {
      collect(entry.before);
      collect(entry.after);
    }
    expect([...recorded]).toEqual(expect.arrayContaining(['name', 'dueDay', 'snoozedUntil', 'tags', 'level']));
    // Values read as words too: a satisfaction answer by its name, not its number.
    const english = await callOk(core, 'audit-export', { entity: 'customer', language: 'en' });
    expect(english.csv).toContain('Satisfaction: Will buy again');
    expect((await callOk(core, 'audit-export', { entity: 'customer', language: 'zh-Hant' })).csv).toContain('滿意度: 會再來買');
    for (const language of languages) {
      expect([...recorded].filter((field) => !Object.hasOwn(auditLabels[language].fields, field)), language).toEqual([]);
    }
  });
});
