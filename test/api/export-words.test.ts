import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { complaintCategories, complaintChannels } from '../../shared/contract/complaints';
import { customerSources, genders, needTypes } from '../../shared/contract/customers';
import { contactMethods, visitChannels } from '../../shared/contract/visits';
import { auditLabels } from '../../shared/i18n/audit';
import { transferMessages } from '../../shared/i18n/transfer';
import { vocabulary } from '../../shared/i18n/vocabulary';
import { type Language, languages } from '../../shared/locale';
import { reminderKinds } from '../../shared/reminders/kinds';
import { type Core } from '../../electron/core/core';
import { callOk, fixedClock, freshCore, tempDir } from '../support/core';

/**
 * The codes the book stores for chosen values, in one language: those whose word there differs from
 * the code (English "kept" is both), so a cell holding one is a code that leaked, not a word.
 */
const leakedCodes = (language: Language): Set<string> => {
  const codes = new Set<string>();
  const groups: Record<string, string>[] = [...Object.values(vocabulary[language]), ...reminderKinds.map((kind) => ({ [kind.name]: kind.label[language] }))];
  for (const group of groups) for (const [code, word] of Object.entries(group)) if (word !== code && !/^\d+$/.test(code)) codes.add(code);
  for (const group of groups) for (const word of Object.values(group)) codes.delete(word);
  return codes;
};

const parse = (text: string): string[][] => Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

/** A day of a shop's work that touches every coded value an export or the audit trail shows. */
const busyBook = async (): Promise<{ core: Core; ids: Record<string, string> }> => {
  const core = freshCore({ now: fixedClock('2026-03-02T02:00:00.000Z').now });
  await callOk(core, 'settings-update', { timeZone: 'Asia/Taipei', currency: 'TWD', language: 'en' });
  await callOk(core, 'settings-update', { language: null });
  const ids: Record<string, string> = {};
  for (const [index, source] of customerSources.entries()) {
    const customer = await callOk(core, 'customers-create', {
      name: `客人${index}`,
      source,
      gender: genders[index % genders.length],
      needType: needTypes[index % needTypes.length],
      birthday: { month: 3, day: 3 + index, year: null },
    });
    ids[source] = customer.id;
  }
  const walkIn = ids.walk_in!;
  await callOk(core, 'customers-update', { id: walkIn, fields: { name: '客人0', source: 'event', gender: 'other', needType: 'composite' } });
  for (const [index, channel] of visitChannels.entries()) {
    await callOk(core, 'visits-log', { customerId: ids[customerSources[index]!]!, amountMinor: 12_000 + index, channel, satisfaction: (index % 4) as 0 | 1 | 2 | 3 });
  }
  for (const [index, method] of contactMethods.entries()) await callOk(core, 'visits-log-contact', { customerId: ids[customerSources[index]!]!, method });
  for (const [index, category] of complaintCategories.entries()) {
    const complaint = await callOk(core, 'complaints-log', {
      customerId: ids[customerSources[index % customerSources.length]!]!,
      channel: complaintChannels[index % complaintChannels.length]!,
      category,
      severity: (['low', 'medium', 'high'] as const)[index % 3]!,
      description: '等太久',
    });
    if (index % 2 === 0) await callOk(core, 'complaints-acknowledge', { id: complaint.id, note: '' });
    if (index === 0) await callOk(core, 'complaints-resolve', { id: complaint.id, resolution: '退款', compensation: { kind: 'redo', amountMinor: 8000 } });
  }
  const done = await callOk(core, 'reminders-create', { customerId: walkIn, dueDay: '2026-03-03', note: '問候' });
  await callOk(core, 'reminders-complete', { id: done.id, note: '已聯絡' });
  const dismissed = await callOk(core, 'reminders-create', { customerId: ids.referral!, dueDay: '2026-03-04', note: '問候' });
  await callOk(core, 'reminders-dismiss', { id: dismissed.id, note: '' });
  await callOk(core, 'referrals-set', { customerId: ids.referral!, referrerId: walkIn });
  await callOk(core, 'winback-record-attempt', { customerId: ids.online!, outcome: 'no_answer', note: '' });
  await callOk(core, 'winback-mark-lost', { customerId: ids.online!, reason: 'competitor' });
  return { core, ids };
};

describe('exports speak the owner’s language: readable columns hold words, never codes', () => {
  it.each(languages)('%s: the customers, visits, complaints, reminders and referrals CSVs and the audit CSV', async (language) => {
    const { core, ids } = await busyBook();
    const words = transferMessages[language];
    const codes = leakedCodes(language);
    // Columns of ids are for machines; every other column is read by people.
    const idHeaders = new Set([words.customerColumns.id, words.visitColumns.customerId, words.referralColumns.referrerId]);
    const files = await callOk(core, 'export-run', { what: 'all', format: 'csv', folder: tempDir(), language });
    expect(files.map((file) => file.kind).sort()).toEqual(['complaints', 'customers', 'referrals', 'reminders', 'visits']);
    for (const file of files) {
      const [headers, ...rows] = parse(readFileSync(file.path, 'utf8'));
      expect(rows.length, file.kind).toBeGreaterThan(0);
      for (const row of rows) {
        row.forEach((cell, column) => {
          if (!idHeaders.has(headers![column]!)) expect(codes.has(cell), `${file.kind}: ${headers![column]} = ${cell}`).toBe(false);
        });
      }
    }

    // The customers CSV shows the words the profile shows for source, gender and need type.
    const customers = parse(readFileSync(files.find((file) => file.kind === 'customers')!.path, 'utf8'));
    const column = (header: string) => customers[0]!.indexOf(header);
    const rowOf = (id: string) => customers.find((row) => row[0] === id)!;
    const referral = rowOf(ids.referral!);
    const said = vocabulary[language];
    expect(referral[column(words.customerColumns.source)]).toBe(said.customerSources.referral);
    expect(referral[column(words.customerColumns.gender)]).toBe(said.genders.male);
    expect(referral[column(words.customerColumns.needType)]).toBe(said.needTypes.value);
    expect(rowOf(ids.online!)[column(words.customerColumns.lapse)]).toBe(said.lapseStates.lost);
    expect(said.tiers).toHaveProperty(Object.keys(said.tiers).find((tier) => said.tiers[tier as 'key'] === rowOf(ids.event!)[column(words.customerColumns.tier)])!);

    // The audit CSV: every column but the codes, ids and raw JSON kept for machines.
    const audit = parse((await callOk(core, 'audit-export', { language })).csv);
    const csv = auditLabels[language].csv;
    const machine = new Set([csv.timeUtc, csv.actionCode, csv.entityId, csv.before, csv.after]);
    expect(audit.length).toBeGreaterThan(20);
    const changes = audit[0]!.indexOf(csv.changes);
    for (const row of audit.slice(1)) {
      row.forEach((cell, index) => {
        if (machine.has(audit[0]![index]!)) return;
        const values = index === changes ? cell.split('\n').flatMap((line) => line.replace(/^[^:]*: /, '').split(' → ')) : [cell];
        for (const value of values) expect(codes.has(value), `${audit[0]![index]} = ${cell}`).toBe(false);
      });
    }
    const allChanges = audit.map((row) => row[changes]).join('\n');
    expect(allChanges).toContain(`${auditLabels[language].fields.source}: ${said.customerSources.walk_in} → ${said.customerSources.event}`);
    expect(allChanges).toContain(`${auditLabels[language].fields.language}: ${said.languages.en} → —`);
  });
});
