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
