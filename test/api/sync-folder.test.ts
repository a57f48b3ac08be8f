import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { bookPath } from '../../electron/core/paths';
import { bucketOf, cellKey, decodeCell, type CellScalar } from '../../shared/sync/cells';
import { heldRecords, listDevices, readDevice, storedConflicts } from '../../electron/core/sync';
import { loadAutomerge } from '../../electron/core/sync/automerge';
import { docsFolderOf, Documents } from '../../electron/core/sync/documents';
import { callOk } from '../support/core';
import { agreed, folderFor, open, projectRoot, threeDevices } from '../support/sync-devices';

const joinedDevices = async (prepare: (a: Core) => Promise<void>) => {
  const book = await threeDevices(prepare);
  await book.join();
  return book;
};

const fields = { name: '林美華', phones: ['0912 345 678'], tags: ['VIP'], notes: '燕麥拿鐵' };

/** A reminder to call Mei back, written on the first of three devices before the others join. */
const meiReminderOnDevices = async () => {
  let reminder = '';
  const book = await joinedDevices(async (a) => {
    const mei = (await callOk(a, 'customers-create', fields)).id;
    reminder = (await callOk(a, 'reminders-create', { customerId: mei, dueDay: '2099-01-05', note: '回電' })).id;
  });
  return { book, reminder };
};

/** Mei (a phone, a tag, notes) and Ada, written on the first of three devices before the others join. */
const meiAndAdaOnDevices = async () => {
  const ids = { mei: '', ada: '' };
  const book = await joinedDevices(async (a) => {
    ids.mei = (await callOk(a, 'customers-create', fields)).id;
    ids.ada = (await callOk(a, 'customers-create', { name: 'Ada Lovelace' })).id;
  });
  return { book, ...ids };
};

/** Every value a field holds in a device's shared documents: one, or several entered apart. */
const valuesInDocuments = async (dir: string, table: string, rowKey: string, column: string): Promise<CellScalar[]> => {
  const bookFile = bookPath(dir);
  const automerge = await loadAutomerge(projectRoot);
  const doc = new Documents(automerge, docsFolderOf(bookFile), readDevice(bookFile)!.actor).get(bucketOf(table, rowKey));
  const key = cellKey(table, rowKey, column);
  // Automerge names the values of a field only where there are several.
  const cells = Object.values(automerge.getConflicts(doc, key) ?? (doc[key] === undefined ? {} : { one: doc[key] }));
  return cells.map((cell) => decodeCell(String(cell))?.value ?? null);
};

describe('one book on three devices through a shared folder', () => {
  it('merges edits made apart: different fields, the same field (both values kept), new customers and visits on each', async () => {
    let meiId = '';
    const book = await joinedDevices(async (a) => {
      meiId = (await callOk(a, 'customers-create', fields)).id;
      await callOk(a, 'visits-log', { customerId: meiId, amountMinor: 12000 });
    });
    const [a, b, c] = book.cores;
    expect(agreed(b)).toBe(agreed(a));
    await callOk(a, 'customers-update', { id: meiId, fields: { ...fields, notes: '少冰' } });
    await callOk(b, 'customers-update', { id: meiId, fields: { ...fields, email: 'mei@example.com', phones: ['0912 345 678', '02 2345 6789'] } });
    await callOk(c, 'customers-update', { id: meiId, fields: { ...fields, notes: '不要糖' } });
    await callOk(a, 'visits-log', { customerId: meiId, amountMinor: 8000 });
    await callOk(b, 'visits-log', { customerId: meiId, amountMinor: 5000 });
    const newcomer = await callOk(c, 'customers-create', { name: 'Ada Lovelace', phones: ['0922 111 222'] });
    await callOk(c, 'visits-log', { customerId: newcomer.id, amountMinor: 3000 });
    await book.settle([2, 0, 1, 2, 0]);
    const merged = await callOk(b, 'customers-get', { id: meiId });
    expect(merged.email).toBe('mei@example.com');
    expect(merged.phones.map((phone) => phone.display)).toEqual(['0912 345 678', '02 2345 6789']);
    expect(merged.visitCount).toBe(3);
    expect(['少冰', '不要糖']).toContain(merged.notes);
    for (const core of book.cores) {
      const conflicts = storedConflicts(core.db);
      expect(conflicts.map((conflict) => [conflict.tbl, conflict.row_key, conflict.col])).toEqual([['customers', meiId, 'notes']]);
      expect((JSON.parse(conflicts[0]!.values_json) as { value: string }[]).map((cell) => cell.value).sort()).toEqual(['不要糖', '少冰']);
    }
    expect((await callOk(a, 'customers-search', { query: 'Ada' })).rows.map((row) => row.name)).toEqual(['Ada Lovelace']);
    // Every device registered itself and lists the same three, itself marked.
    for (const [index, core] of book.cores.entries()) {
      const devices = listDevices(core.db, readDevice(bookPath(book.dirs[index]!))?.deviceId ?? null);
      // Listed in the order they registered: C synced first of the two that joined.
      expect(devices.map((device) => device.name)).toEqual(['Counter', 'Second shop', 'Laptop']);
      expect(devices.find((device) => device.thisDevice)?.name).toBe(['Counter', 'Laptop', 'Second shop'][index]);
    }
  });

  it('a merge of duplicates on one device while another logs a visit for the absorbed customer: the visit follows the merge, and its undo', async () => {
    let keep = '';
    let twin = '';
    const book = await joinedDevices(async (a) => {
      keep = (await callOk(a, 'customers-create', fields)).id;
      twin = (await callOk(a, 'customers-create', { name: '林美華', phones: ['0933 000 111'] })).id;
      await callOk(a, 'visits-log', { customerId: twin, amountMinor: 7000 });
    });
    const [a, b] = book.cores;
    const merge = await callOk(a, 'customers-merge', { survivorId: keep, absorbedId: twin, fields: { ...fields, phones: ['0912 345 678', '0933 000 111'] } });
    const apart = await callOk(b, 'visits-log', { customerId: twin, amountMinor: 4000 });
    await callOk(b, 'customers-update', { id: twin, fields: { name: '林美華', phones: ['0933 000 111'], notes: '常點拿鐵' } });
    await book.settle([1, 0, 2, 1, 0, 2]);
    for (const core of book.cores) {
      const survivor = await callOk(core, 'customers-get', { id: keep });
      expect(survivor.visitCount).toBe(2);
      expect(core.db.prepare('SELECT customer_id FROM visits WHERE id = ?').pluck().get(apart.id)).toBe(keep);
      expect(core.db.prepare('SELECT count(*) FROM customers WHERE id = ?').pluck().get(twin)).toBe(0);
    }
    await callOk(a, 'customers-merge-undo', { mergeId: merge.merge.id });
    await book.settle([0, 1, 2, 0, 1]);
    expect((await callOk(b, 'customers-get', { id: twin })).name).toBe('林美華');
  });

  it("a merge's undo gives the absorbed customer every fact back on every device, those logged for them apart too; the survivor's stay", async () => {
    const ids = { keep: '', twin: '', friend: '', visit: '', answer: '', complaint: '', reminder: '' };
    const book = await joinedDevices(async (a) => {
      ids.keep = (await callOk(a, 'customers-create', fields)).id;
      ids.twin = (await callOk(a, 'customers-create', { name: '林美華', phones: ['0933 000 111'] })).id;
      ids.friend = (await callOk(a, 'customers-create', { name: 'Ada Lovelace' })).id;
      ids.visit = (await callOk(a, 'visits-log', { customerId: ids.twin, amountMinor: 7000 })).id;
      ids.answer = (await callOk(a, 'satisfaction-record', { customerId: ids.twin, level: 2 })).id;
      ids.complaint = (await callOk(a, 'complaints-log', { customerId: ids.twin, channel: 'phone', category: 'price', severity: 'low', description: '太貴' })).id;
      ids.reminder = (await callOk(a, 'reminders-create', { customerId: ids.twin, dueDay: '2099-01-05', note: '回電' })).id;
      await callOk(a, 'referrals-set', { customerId: ids.friend, referrerId: ids.twin });
    });
    const [a, b, c] = book.cores;
    await callOk(b, 'reminders-snooze', { id: ids.reminder, until: '2099-01-08' });
    await book.settle([1, 0, 2, 0, 1, 2]);
    const merge = await callOk(a, 'customers-merge', { survivorId: ids.keep, absorbedId: ids.twin, fields: { ...fields, phones: ['0912 345 678', '0933 000 111'] } });
    // B logs a visit for the twin before it hears of the merge; C one for the survivor while the merge stands.
    const apart = (await callOk(b, 'visits-log', { customerId: ids.twin, amountMinor: 4000 })).id;
    await book.settle([0, 2, 1, 0, 2]);
    const own = (await callOk(c, 'visits-log', { customerId: ids.keep, amountMinor: 3000 })).id;
    await book.settle([2, 0, 1, 2]);
    for (const core of book.cores) expect(core.db.prepare('SELECT count(*) FROM visits WHERE customer_id = ?').pluck().get(ids.keep)).toBe(3);
    await callOk(a, 'customers-merge-undo', { mergeId: merge.merge.id });
    await book.settle([0, 1, 2, 0, 1, 2]);
    const customerOf = (core: Core, sql: string, id: string) => core.db.prepare(sql).pluck().get(id);
    for (const core of book.cores) {
      expect(customerOf(core, 'SELECT customer_id FROM visits WHERE id = ?', ids.visit)).toBe(ids.twin);
      expect(customerOf(core, 'SELECT customer_id FROM visits WHERE id = ?', apart)).toBe(ids.twin);
      expect(customerOf(core, 'SELECT customer_id FROM visits WHERE id = ?', own)).toBe(ids.keep);
      expect(customerOf(core, 'SELECT customer_id FROM satisfaction_answers WHERE id = ?', ids.answer)).toBe(ids.twin);
      expect(customerOf(core, 'SELECT customer_id FROM complaints WHERE id = ?', ids.complaint)).toBe(ids.twin);
      expect(core.db.prepare('SELECT customer_id, snoozed_until FROM reminders WHERE id = ?').get(ids.reminder)).toEqual({ customer_id: ids.twin, snoozed_until: '2099-01-08' });
      expect(customerOf(core, 'SELECT referrer_id FROM referrals WHERE customer_id = ?', ids.friend)).toBe(ids.twin);
      expect((await callOk(core, 'customers-get', { id: ids.twin })).visitCount).toBe(2);
      expect((await callOk(core, 'customers-get', { id: ids.keep })).visitCount).toBe(1);
    }
  });

  it('a customer deleted for good on one device while another merged them away: a visit the merge took along that the purge never saw goes everywhere too', async () => {
    const { book, mei: keep, ada: twin } = await meiAndAdaOnDevices();
    const [a, b] = book.cores;
    await callOk(a, 'customers-archive', { id: twin });
    const visit = await callOk(b, 'visits-log', { customerId: twin, amountMinor: 2500 });
    await book.sync(1);
    // A deletes the twin before it reads B's visit: it drops the visit when it arrives, naming a customer gone here.
    await callOk(a, 'customers-purge', { id: twin });
    await callOk(b, 'customers-merge', { survivorId: keep, absorbedId: twin, fields });
    await book.settle([0, 1, 2, 0, 1, 2]);
    // It was logged for the customer deleted for good (test/api/sync-merge-purge.test.ts holds the whole rule).
    for (const core of book.cores) expect(core.db.prepare('SELECT count(*) FROM visits WHERE id = ?').pluck().get(visit.id)).toBe(0);
  });

  it('a visit logged for a customer while another device merged them away, and undid it, is theirs again on that device too', async () => {
    const { book, mei: keep, ada: twin } = await meiAndAdaOnDevices();
    const [a, b] = book.cores;
    const merge = await callOk(b, 'customers-merge', { survivorId: keep, absorbedId: twin, fields });
    const visit = await callOk(a, 'visits-log', { customerId: twin, amountMinor: 2000 });
    await book.sync(0);
    // B takes the visit in while its merge stands (written under the survivor, the documents still naming the twin), then undoes the merge.
    await book.sync(1);
    await callOk(b, 'customers-merge-undo', { mergeId: merge.merge.id });
    await book.settle([1, 0, 2, 1, 0, 2]);
    for (const core of book.cores) {
      expect(core.db.prepare('SELECT customer_id FROM visits WHERE id = ?').pluck().get(visit.id)).toBe(twin);
      expect((await callOk(core, 'customers-get', { id: twin })).visitCount).toBe(1);
    }
  });

  it('a referral made on one device while another merged the customer away, and undid it before syncing again, stands on every device', async () => {
    const { book, mei: referrer, ada: referred } = await meiAndAdaOnDevices();
    const [a, , c] = book.cores;
    const merge = await callOk(c, 'customers-merge', { survivorId: referrer, absorbedId: referred, fields });
    await book.sync(2);
    await callOk(a, 'referrals-set', { customerId: referred, referrerId: referrer });
    await callOk(c, 'customers-merge-undo', { mergeId: merge.merge.id });
    // A takes the merge in before the undo reaches it: the referral goes aside with the customer, and must come back with them.
    await book.settle([0, 1, 2, 0, 1, 2]);
    for (const core of book.cores) {
      expect(core.db.prepare('SELECT referrer_id FROM referrals WHERE customer_id = ?').pluck().all(referred)).toEqual([referrer]);
    }
  });

  it('a referral that reached the device that merged the customer away stands there too once it undoes the merge', async () => {
    const { book, mei: referrer, ada: referred } = await meiAndAdaOnDevices();
    const [a, b] = book.cores;
    await callOk(a, 'referrals-set', { customerId: referred, referrerId: referrer });
    const merge = await callOk(b, 'customers-merge', { survivorId: referrer, absorbedId: referred, fields });
    await book.sync(0);
    // B takes the referral in while its merge stands (it goes aside with the customer), then undoes the merge.
    await book.sync(1);
    await callOk(b, 'customers-merge-undo', { mergeId: merge.merge.id });
    await book.settle([0, 1, 2, 0, 1, 2]);
    for (const core of book.cores) {
      expect(core.db.prepare('SELECT referrer_id FROM referrals WHERE customer_id = ?').pluck().all(referred)).toEqual([referrer]);
    }
  });

  it('a reward handed over on one device while voided on another stands as handed over, whole, on every device', async () => {
    let referred = '';
    const book = await joinedDevices(async (a) => {
      const referrer = (await callOk(a, 'customers-create', fields)).id;
      referred = (await callOk(a, 'customers-create', { name: 'Ada Lovelace' })).id;
      await callOk(a, 'referrals-set', { customerId: referred, referrerId: referrer });
    });
    const [a, , c] = book.cores;
    await callOk(a, 'visits-log', { customerId: referred, amountMinor: 1000 });
    await book.sync(0);
    await book.sync(2);
    const reward = c.db.prepare("SELECT id FROM referral_rewards WHERE status = 'earned'").pluck().get() as string;
    await callOk(c, 'referrals-reward-give', { id: reward });
    await callOk(a, 'referrals-reward-void', { id: reward, reason: '重複' });
    await book.settle([0, 1, 2, 0, 1, 2]);
    for (const core of book.cores) {
      const row = core.db.prepare('SELECT status, given_at IS NOT NULL AS given, voided_at, void_reason FROM referral_rewards WHERE id = ?').get(reward);
      expect(row).toEqual({ status: 'given', given: 1, voided_at: null, void_reason: '' });
    }
  });

  it('a reminder reopened after a decision made apart stands open on every device, though the book showed it done', async () => {
    const { book, reminder } = await meiReminderOnDevices();
    const [a, b] = book.cores;
    await callOk(a, 'reminders-dismiss', { id: reminder, note: '不用了' });
    await book.settle([0, 1, 2, 0, 1, 2]);
    // Apart, one device reopens it and the other reopens and completes it. Written from the same
    // documents, the two statuses are the first cell of their changes, so Automerge keeps the value
    // of the device with the greater actor — made the one that reopened — while the rule shows "done".
    const actor = (index: number) => readDevice(bookPath(book.dirs[index]!))!.actor;
    const [reopening, completing, reopeningIndex, completingIndex] = actor(0) > actor(1) ? [a, b, 0, 1] : [b, a, 1, 0];
    await callOk(reopening, 'reminders-reopen', { id: reminder });
    await callOk(completing, 'reminders-reopen', { id: reminder });
    await callOk(completing, 'reminders-complete', { id: reminder, note: '做好了' });
    await book.sync(reopeningIndex);
    await book.sync(completingIndex);
    await book.sync(reopeningIndex);
    expect(reopening.db.prepare('SELECT status FROM reminders WHERE id = ?').pluck().get(reminder)).toBe('done');
    // Reopened again where the documents' own winner already says "open": sent all the same, it settles both.
    await callOk(reopening, 'reminders-reopen', { id: reminder });
    await book.settle([0, 1, 2, 0, 1, 2]);
    for (const core of book.cores) expect(core.db.prepare('SELECT status FROM reminders WHERE id = ?').pluck().get(reminder)).toBe('open');
  });

  it('a reminder reopened on one device while another reopened and completed it again stands open, whole, on every device', async () => {
    const { book, reminder } = await meiReminderOnDevices();
    const [a, b, c] = book.cores;
    await callOk(a, 'reminders-complete', { id: reminder, note: '做好了' });
    await book.settle([0, 1, 2, 0, 1, 2]);
    // C completes it again and B reads that, so B's next change outnumbers A's: its closing time is the documents' winner.
    await callOk(c, 'reminders-reopen', { id: reminder });
    await callOk(c, 'reminders-complete', { id: reminder, note: '再做一次' });
    await book.sync(2);
    await book.sync(1);
    await callOk(a, 'reminders-reopen', { id: reminder });
    // B's status is "done" before and after: only A's "open" is written, beside B's new closing time.
    await callOk(b, 'reminders-reopen', { id: reminder });
    await callOk(b, 'reminders-complete', { id: reminder, note: '又做好了' });
    await book.settle([0, 1, 2, 0, 1, 2]);
    for (const core of book.cores) {
      expect(core.db.prepare('SELECT status, closed_at, closed_by_staff_id, outcome_note FROM reminders WHERE id = ?').get(reminder)).toEqual({
        status: 'open',
        closed_at: null,
        closed_by_staff_id: null,
        outcome_note: '',
      });
      expect(heldRecords(core.db)).toEqual([]);
    }
  });

  it('a reminder completed on one device, then closed again on another that read it, over a third device\'s reopening: done, whole, everywhere', async () => {
    const { book, reminder } = await meiReminderOnDevices();
    const [a, b, c] = book.cores;
    await callOk(a, 'reminders-complete', { id: reminder, note: '做好了' });
    await book.sync(0);
    await callOk(a, 'reminders-reopen', { id: reminder });
    await callOk(c, 'reminders-complete', { id: reminder, note: '打過了' });
    await book.sync(2);
    await book.sync(1);
    // B closes it again over C's decision: C's "done" outranks A's "open", but C's closing time is B's now.
    await callOk(b, 'reminders-reopen', { id: reminder });
    await callOk(b, 'reminders-complete', { id: reminder, note: '又打了' });
    await book.settle([0, 1, 2, 0, 1, 2]);
    for (const core of book.cores) {
      const row = core.db.prepare('SELECT status, outcome_note, closed_at IS NOT NULL AS closed FROM reminders WHERE id = ?').get(reminder);
      expect(row).toEqual({ status: 'done', outcome_note: '又打了', closed: 1 });
      expect(heldRecords(core.db)).toEqual([]);
    }
  });

  it('a complaint resolved again apart, without compensation on one device and with another amount on the other: whole on every device', async () => {
    let complaint = '';
    const book = await joinedDevices(async (a) => {
      const keep = (await callOk(a, 'customers-create', fields)).id;
      complaint = (await callOk(a, 'complaints-log', { customerId: keep, channel: 'in_person', category: 'price', severity: 'medium', description: '太貴' })).id;
      await callOk(a, 'complaints-resolve', { id: complaint, resolution: '退款', compensation: { kind: 'refund', amountMinor: 500 } });
    });
    const [a, b, c] = book.cores;
    await book.settle([0, 1, 2, 0, 1, 2]);
    // C resolves it again and B reads that, so B's next change outnumbers A's: its amount is the documents' winner.
    await callOk(c, 'complaints-reopen', { id: complaint, note: '客人又來電' });
    await callOk(c, 'complaints-resolve', { id: complaint, resolution: '再退款', compensation: { kind: 'refund', amountMinor: 500 } });
    await book.sync(2);
    await book.sync(1);
    await callOk(a, 'complaints-reopen', { id: complaint, note: '重新處理' });
    await callOk(a, 'complaints-resolve', { id: complaint, resolution: '道歉', compensation: null });
    // B changes the amount only (the kind stays a refund): beside A's empty kind.
    await callOk(b, 'complaints-reopen', { id: complaint, note: '重新處理' });
    await callOk(b, 'complaints-resolve', { id: complaint, resolution: '多退一點', compensation: { kind: 'refund', amountMinor: 800 } });
    await book.settle([0, 1, 2, 0, 1, 2]);
    for (const core of book.cores) {
      expect(core.db.prepare('SELECT compensation_kind, compensation_minor FROM complaints WHERE id = ?').get(complaint)).toEqual({ compensation_kind: null, compensation_minor: null });
      expect(heldRecords(core.db)).toEqual([]);
    }
  });

  it('an empty phone list picked where the book already shows it reaches every device, and settles the values kept apart there', async () => {
    let mei = '';
    const book = await joinedDevices(async (a) => {
      mei = (await callOk(a, 'customers-create', fields)).id;
    });
    const [a, b] = book.cores;
    await book.settle([0, 1, 2, 0, 1, 2]);
    // Written from the same documents, each list is its change's one cell: the greater actor's is the winner, made the empty one.
    const actor = (index: number) => readDevice(bookPath(book.dirs[index]!))!.actor;
    const [emptying, adding, emptyingIndex, addingIndex] = actor(0) > actor(1) ? [a, b, 0, 1] : [b, a, 1, 0];
    await callOk(emptying, 'customers-update', { id: mei, fields: { ...fields, phones: [] } });
    await callOk(adding, 'customers-update', { id: mei, fields: { ...fields, phones: ['0912 345 678', '02 2345 6789'] } });
    await book.sync(emptyingIndex);
    await book.sync(addingIndex);
    expect((await callOk(adding, 'customers-get', { id: mei })).phones).toEqual([]);
    const kept = storedConflicts(adding.db).find((conflict) => conflict.tbl === 'customer_phones')!;
    const empty = (JSON.parse(kept.values_json) as { value: string; device: string; at: string }[]).find((cell) => cell.value === '[]')!;
    await callOk(adding, 'sync-conflict-pick', { table: 'customer_phones', rowKey: mei, column: 'rows', deviceId: empty.device, at: empty.at });
    await book.settle([0, 1, 2, 0, 1, 2]);
    for (const core of book.cores) expect(storedConflicts(core.db)).toEqual([]);
  });

  it("a merge's undo puts the survivor's reminder back without restating its fields beside another device's snooze", async () => {
    let reminder = '';
    let keep = '';
    let twin = '';
    const book = await joinedDevices(async (a) => {
      keep = (await callOk(a, 'customers-create', fields)).id;
      twin = (await callOk(a, 'customers-create', { name: 'Ada Lovelace' })).id;
      reminder = (await callOk(a, 'reminders-create', { customerId: keep, dueDay: '2099-01-05', note: '回電' })).id;
    });
    const [a, b] = book.cores;
    const merge = await callOk(a, 'customers-merge', { survivorId: keep, absorbedId: twin, fields });
    await callOk(a, 'customers-merge-undo', { mergeId: merge.merge.id });
    await callOk(b, 'reminders-snooze', { id: reminder, until: '2099-01-08' });
    await book.settle([0, 1, 2, 0, 1, 2]);
    // Only B changed the reminder: A's undo put it back as it was, and says nothing of its snooze.
    for (const [index, core] of book.cores.entries()) {
      expect(core.db.prepare('SELECT snoozed_until FROM reminders WHERE id = ?').pluck().get(reminder)).toBe('2099-01-08');
      expect(await valuesInDocuments(book.dirs[index]!, 'reminders', reminder, 'snoozed_until')).toEqual(['2099-01-08']);
    }
  });

  it('a complaint logged on one device for a customer another deleted for good goes with them everywhere, its promises and steps too', async () => {
    let gone = '';
    const book = await joinedDevices(async (a) => {
      gone = (await callOk(a, 'customers-create', fields)).id;
    });
    const [a, b] = book.cores;
    await callOk(a, 'customers-archive', { id: gone });
    await callOk(a, 'customers-purge', { id: gone });
    await callOk(b, 'complaints-log', { customerId: gone, channel: 'in_person', category: 'service_attitude', severity: 'medium', description: '等太久' });
    // A and C read B's complaint before B has learnt of the purge: its promises and steps arrive with it.
    await book.settle([0, 1, 2, 0, 1, 2]);
    for (const core of book.cores) {
      expect(core.db.prepare('SELECT (SELECT count(*) FROM complaints) + (SELECT count(*) FROM complaint_promises) + (SELECT count(*) FROM complaint_transitions)').pluck().get()).toBe(0);
    }
  });

  it('a customer deleted for good on one device goes from another where they were referred and their purchase earned a reward', async () => {
    const { book, mei: referrer, ada: gone } = await meiAndAdaOnDevices();
    const [a, b] = book.cores;
    await callOk(a, 'visits-log', { customerId: gone, amountMinor: 1000 });
    await callOk(a, 'customers-archive', { id: gone });
    await callOk(b, 'referrals-set', { customerId: gone, referrerId: referrer });
    await book.sync(0);
    await callOk(a, 'customers-purge', { id: gone });
    // B takes in the visit before the purge: there it earns the referrer a reward that names the visit.
    await book.sync(1);
    expect(b.db.prepare('SELECT count(*) FROM referral_rewards WHERE referred_id = ?').pluck().get(gone)).toBe(1);
    await book.settle([0, 1, 2, 0, 1, 2]);
    for (const core of book.cores) expect(core.db.prepare('SELECT count(*) FROM customers WHERE id = ?').pluck().get(gone)).toBe(0);
    // The reward's reminder, made on B and sent before B learnt of the purge, went everywhere it had reached.
    const reminders = book.cores.map((core) => core.db.prepare('SELECT id, status FROM reminders ORDER BY id').all());
    for (const other of reminders.slice(1)) expect(other).toEqual(reminders[0]);
  });

  it('archive on one device and an edit on another both hold; a complaint carried through on two devices', async () => {
    let meiId = '';
    const book = await joinedDevices(async (a) => {
      meiId = (await callOk(a, 'customers-create', fields)).id;
    });
    const [a, b, c] = book.cores;
    await callOk(a, 'customers-archive', { id: meiId });
    await callOk(b, 'customers-update', { id: meiId, fields: { ...fields, email: 'mei@example.com' } });
    const complaint = await callOk(c, 'complaints-log', { customerId: meiId, channel: 'in_person', category: 'service_attitude', severity: 'high', description: '等太久' });
    await book.settle([2, 1, 0, 2, 1]);
    const seen = await callOk(b, 'customers-get', { id: meiId });
    expect(seen.archivedAt).not.toBeNull();
    expect(seen.email).toBe('mei@example.com');
    await callOk(a, 'complaints-acknowledge', { id: complaint.id });
    await book.settle([0, 1, 2]);
    expect((await callOk(c, 'complaints-get', { id: complaint.id })).complaint.state).toBe('acknowledged');
  });

  it('a reward handed over on one device while its qualifying visit is archived on another is kept; a dismissed reminder stays dismissed', async () => {
    let referrer = '';
    let friend = '';
    let purchase = '';
    const book = await joinedDevices(async (a) => {
      referrer = (await callOk(a, 'customers-create', { name: '陳大文' })).id;
      friend = (await callOk(a, 'customers-create', { name: '王小明' })).id;
      await callOk(a, 'referrals-set', { customerId: friend, referrerId: referrer });
      purchase = (await callOk(a, 'visits-log', { customerId: friend, amountMinor: 50000 })).id;
      await callOk(a, 'complaints-log', { customerId: referrer, channel: 'phone', category: 'price', severity: 'low', description: '太貴' });
    });
    const [a, b, c] = book.cores;
    const [reward] = (await callOk(a, 'referrals-rewards', {})).rows;
    expect(reward?.status).toBe('earned');
    await callOk(a, 'referrals-reward-give', { id: reward!.id });
    await callOk(b, 'visits-archive', { id: purchase });
    const [reminder] = (await callOk(c, 'reminders-for-customer', { customerId: referrer })).filter((item) => item.status === 'open');
    await callOk(c, 'reminders-dismiss', { id: reminder!.id, note: '已回電' });
    await book.settle([1, 0, 2, 1, 0]);
    for (const core of book.cores) {
      expect(core.db.prepare('SELECT status FROM referral_rewards WHERE id = ?').pluck().get(reward!.id)).toBe('given');
      expect(core.db.prepare('SELECT status FROM reminders WHERE id = ?').pluck().get(reminder!.id)).toBe('dismissed');
    }
  });

  it('refuses damaged, cut-short, renamed and foreign bundles without touching the book, and reads on once they are whole', async () => {
    let meiId = '';
    const book = await joinedDevices(async (a) => {
      meiId = (await callOk(a, 'customers-create', fields)).id;
    });
    const [a, b] = book.cores;
    // Every device has read what is in the folder (the devices' registrations) before A's next bundle.
    await book.settle([1, 2, 0, 1]);
    await callOk(a, 'visits-log', { customerId: meiId, amountMinor: 9000 });
    await book.sync(0);
    const bookFolder = path.join(book.folder, 'regulars-sync', readdirSync(path.join(book.folder, 'regulars-sync'))[0]!);
    const deviceFolder = path.join(bookFolder, readDevice(bookPath(book.dirs[0]))!.deviceId);
    const newest = path.join(deviceFolder, readdirSync(deviceFolder).filter((name) => name.endsWith('.bundle')).sort().at(-1)!);
    const whole = readFileSync(newest);
    const before = agreed(b);
    for (const damaged of [whole.subarray(0, whole.length - 7), Buffer.from(whole.map((byte, index) => (index === 40 ? byte ^ 1 : byte))), Buffer.from('not a bundle'), Buffer.alloc(0)]) {
      writeFileSync(newest, damaged);
      const outcome = await book.sync(1);
      expect(outcome.bundlesRead).toBe(0);
      expect(agreed(b)).toBe(before);
    }
    writeFileSync(newest, whole);
    await book.settle([1, 2]);
    expect((await callOk(b, 'customers-get', { id: meiId })).visitCount).toBe(1);
  });

  it('a restore on one device brings it back to what every device holds: nobody is taken back, an edit made after it travels alone', async () => {
    let meiId = '';
    const book = await joinedDevices(async (a) => {
      meiId = (await callOk(a, 'customers-create', fields)).id;
    });
    const [a, b, c] = book.cores;
    await book.settle([1, 2, 0, 1]);
    // Backed up with an edit not yet synced: it is sent at the next sync and superseded after.
    await callOk(a, 'customers-update', { id: meiId, fields: { ...fields, notes: '加奶' } });
    await callOk(a, 'sync-folder-set', { folder: folderFor() });
    const backup = await callOk(a, 'backup-create', { folder: folderFor(), passphrase: null });
    // The folder this device uses now is its own setting: the restore does not take it back to the backup's.
    const folderNow = (await callOk(a, 'sync-folder-set', { folder: book.folder })).folder;
    await book.sync(0);
    await callOk(a, 'customers-update', { id: meiId, fields: { ...fields, notes: '少冰' } });
    await callOk(b, 'visits-log', { customerId: meiId, amountMinor: 5000 });
    await book.settle([0, 1, 0, 2]);
    const prepared = await callOk(a, 'restore-prepare', { source: { kind: 'path', path: backup.file }, passphrase: null });
    await callOk(a, 'restore-confirm', { preparedId: prepared.preparedId });
    expect((await callOk(a, 'customers-get', { id: meiId })).notes).toBe('加奶');
    expect((await callOk(a, 'sync-status', {})).folder).toBe(folderNow);
    // Before A syncs again, an edit there of another field: only that field travels.
    // (The profile sends every field as shown: the notes as the restored book shows them.)
    await callOk(a, 'customers-update', { id: meiId, fields: { ...fields, notes: '加奶', email: 'mei@example.com' } });
    await book.settle([0, 1, 2, 0]);
    for (const core of [a, b, c]) {
      const mei = await callOk(core, 'customers-get', { id: meiId });
      expect([mei.notes, mei.email, mei.visitCount]).toEqual(['少冰', 'mei@example.com', 1]);
      expect(storedConflicts(core.db)).toEqual([]);
    }
  });

  it('leaves a book never shared exactly as before: no capture, nothing noted', async () => {
    const core = open(folderFor());
    await callOk(core, 'customers-create', { name: 'Grace Hopper' });
    expect(core.db.prepare("SELECT count(*) FROM sqlite_temp_schema WHERE type = 'trigger'").pluck().get()).toBe(0);
    expect(core.db.prepare('SELECT count(*) FROM sync_outbox').pluck().get()).toBe(0);
  });
});
