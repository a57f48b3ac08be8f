import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { bookPath } from '../../electron/core/paths';
import { readDevice } from '../../electron/core/sync';
import { bookFolderOf, readBookSnapshot } from '../../electron/core/sync/folder';
import { callOk, tempDir } from '../support/core';
import { threeDevices } from '../support/sync-devices';

/**
 * A merge of duplicates meeting a purge or an undo made on another device (issue 19): three
 * devices, each its own book, synced through one folder in more than one order.
 */

const mei = { name: '林美華', phones: ['0912 345 678'], notes: '燕麥拿鐵' };
const twinFields = { name: 'Ada Lovelace', phones: ['0933 000 111'], notes: '不要糖' };

/** Every order a test plays its syncs in: each device first once. */
const orders = [
  [0, 1, 2, 0, 1, 2],
  [1, 2, 0, 1, 2, 0],
  [2, 1, 0, 2, 1, 0],
] as const;

/** The whole book as the owner exports it (JSON): every device must give the same bytes. */
const exportAll = async (core: Core): Promise<string> => {
  const [file] = await callOk(core, 'export-run', { what: 'all', format: 'json', folder: tempDir(), fileName: 'all.json' });
  return readFileSync(file!.path, 'utf8');
};

const expectSameExports = async (cores: readonly Core[]): Promise<void> => {
  const [first, ...others] = await Promise.all(cores.map(exportAll));
  for (const other of others) expect(other).toBe(first);
};

/** Mei and her duplicate, each with a visit, on three devices. */
const duplicatesOnDevices = async () => {
  const ids = { keep: '', twin: '', keepVisit: '', twinVisit: '' };
  // One clock for every device: the export says when it was made.
  const at = new Date();
  const book = await threeDevices(
    async (a) => {
      ids.keep = (await callOk(a, 'customers-create', mei)).id;
      ids.twin = (await callOk(a, 'customers-create', twinFields)).id;
      ids.keepVisit = (await callOk(a, 'visits-log', { customerId: ids.keep, amountMinor: 12000 })).id;
      ids.twinVisit = (await callOk(a, 'visits-log', { customerId: ids.twin, amountMinor: 7000 })).id;
      await callOk(a, 'satisfaction-record', { customerId: ids.twin, level: 2 });
    },
    undefined,
    undefined,
    () => at,
  );
  await book.join();
  // Every device has registered and read the others' registrations before anything happens apart.
  await book.settle([1, 2, 0, 1, 2]);
  return { book, ...ids };
};

/** The owner archives the customer on this device, then deletes them for good. */
const deleteForGood = async (core: Core, id: string): Promise<void> => {
  await callOk(core, 'customers-archive', { id });
  await callOk(core, 'customers-purge', { id });
};

const count = (core: Core, sql: string, ...params: string[]): number => core.db.prepare(sql).pluck().get(...params) as number;

/** Nothing of the customer deleted for good is in this book: their record, anything logged for them, a merge naming them. */
const expectErased = (core: Core, twin: string, loggedForTwin: readonly string[]): void => {
  expect(count(core, 'SELECT count(*) FROM customers WHERE id = ?', twin)).toBe(0);
  for (const visit of loggedForTwin) expect(count(core, 'SELECT count(*) FROM visits WHERE id = ?', visit)).toBe(0);
  expect(count(core, 'SELECT count(*) FROM satisfaction_answers')).toBe(0);
  expect(count(core, 'SELECT count(*) FROM customer_merges WHERE absorbed_id = ? OR survivor_id = ?', twin, twin)).toBe(0);
  expect(core.db.prepare("SELECT count(*) FROM customer_merges WHERE snapshot_json LIKE '%Lovelace%' OR absorbed_name LIKE '%Lovelace%'").pluck().get()).toBe(0);
  expect(count(core, "SELECT count(*) FROM customer_phones WHERE display = '0933 000 111'")).toBe(0);
};

describe('a customer deleted for good on one device while another merges them away', () => {
  for (const order of orders) {
    it(`nothing of theirs stays on any device, logged anywhere; the survivor keeps all its own (syncs ${order.join('')})`, async () => {
      const { book, keep, twin, keepVisit, twinVisit } = await duplicatesOnDevices();
      const [a, b, c] = book.cores;
      await deleteForGood(a, twin);
      // B logs a visit for the duplicate (and sends it), then merges them into Mei; C logs one for each while apart.
      const onB = (await callOk(b, 'visits-log', { customerId: twin, amountMinor: 4000 })).id;
      await book.sync(1);
      await callOk(b, 'customers-merge', { survivorId: keep, absorbedId: twin, fields: { ...mei, notes: '燕麥拿鐵，少冰' } });
      const keepOnB = (await callOk(b, 'visits-log', { customerId: keep, amountMinor: 3000 })).id;
      const onC = (await callOk(c, 'visits-log', { customerId: twin, amountMinor: 2500 })).id;
      const contactOnC = (await callOk(c, 'visits-log-contact', { customerId: twin, method: 'call', note: '回電' })).id;
      const keepOnC = (await callOk(c, 'visits-log', { customerId: keep, amountMinor: 1500 })).id;
      await book.settle(order);
      for (const core of book.cores) {
        expectErased(core, twin, [twinVisit, onB, onC, contactOnC]);
        expect(core.db.prepare('SELECT id FROM visits WHERE customer_id = ? ORDER BY id').pluck().all(keep)).toEqual([keepVisit, keepOnB, keepOnC].sort());
        const survivor = await callOk(core, 'customers-get', { id: keep });
        expect([survivor.notes, survivor.visitCount, survivor.revenueMinor]).toEqual(['燕麥拿鐵，少冰', 3, 16500]);
      }
      await expectSameExports(book.cores);
    });
  }

  it('a merge undone before the purge reached it brings nobody back; once the purge is in, the merge is gone and cannot be undone', async () => {
    for (const undoFirst of [true, false]) {
      const { book, keep, twin, keepVisit, twinVisit } = await duplicatesOnDevices();
      const [a, b] = book.cores;
      const merge = await callOk(b, 'customers-merge', { survivorId: keep, absorbedId: twin, fields: mei });
      await book.sync(1);
      await deleteForGood(a, twin);
      if (undoFirst) {
        // B brings the duplicate back (their record, phone and visits) before it hears of the purge.
        await callOk(b, 'customers-merge-undo', { mergeId: merge.merge.id });
        expect(count(b, 'SELECT count(*) FROM visits WHERE customer_id = ?', twin)).toBe(1);
      } else {
        await book.sync(0);
        await book.sync(1);
        // The merge went with the customer deleted for good: the survivor lists it no more, and an undo finds nothing.
        expect(await callOk(b, 'customers-merges', { customerId: keep })).toEqual([]);
        const undo = await b.call('customers-merge-undo', { mergeId: merge.merge.id });
        expect(undo.ok ? null : undo.error.code).toBe('NOT_FOUND');
      }
      await book.settle([1, 0, 2, 1, 0, 2]);
      for (const core of book.cores) {
        expectErased(core, twin, [twinVisit]);
        expect(core.db.prepare('SELECT id FROM visits WHERE customer_id = ?').pluck().all(keep)).toEqual([keepVisit]);
        expect((await callOk(core, 'customers-get', { id: keep })).notes).toBe(mei.notes);
      }
      await expectSameExports(book.cores);
    }
  });
});

describe('a survivor deleted for good on one device while another merges a customer into them', () => {
  for (const order of orders) {
    it(`the customer merged in apart comes back everywhere with all that is theirs; nothing of the survivor stays (syncs ${order.join('')})`, async () => {
      const { book, keep, twin, twinVisit } = await duplicatesOnDevices();
      const [a, b, c] = book.cores;
      await deleteForGood(a, keep);
      await callOk(b, 'customers-merge', { survivorId: keep, absorbedId: twin, fields: { ...mei, notes: '燕麥拿鐵，少冰' } });
      // Logged for the survivor, on the merging device while the merge stands and on a third apart: theirs, and erased.
      await callOk(b, 'visits-log', { customerId: keep, amountMinor: 3000 });
      await callOk(c, 'visits-log', { customerId: keep, amountMinor: 1500 });
      const onC = (await callOk(c, 'visits-log', { customerId: twin, amountMinor: 2500 })).id;
      await book.settle(order);
      for (const core of book.cores) {
        expect(count(core, 'SELECT count(*) FROM customers WHERE id = ?', keep)).toBe(0);
        expect(core.db.prepare('SELECT id FROM visits ORDER BY id').pluck().all()).toEqual([twinVisit, onC].sort());
        const back = await callOk(core, 'customers-get', { id: twin });
        expect([back.name, back.notes, back.phones.map((phone) => phone.display), back.visitCount]).toEqual([twinFields.name, twinFields.notes, twinFields.phones, 2]);
        expect(count(core, 'SELECT count(*) FROM satisfaction_answers WHERE customer_id = ?', twin)).toBe(1);
        expect(count(core, 'SELECT count(*) FROM customer_merges')).toBe(0);
      }
      // Where the merge stood when the purge arrived (the merging device, and a third that took the
      // merge in first), the trail says why the customer is back, and on which device the survivor went.
      const undoneOn = (core: Core) => core.db.prepare("SELECT entity_id, device_id FROM audit_log WHERE action = 'sync.merge_undone'").all();
      const entry = { entity_id: twin, device_id: readDevice(bookPath(book.dirs[0]))!.deviceId };
      expect(undoneOn(b)).toEqual([entry]);
      const [shown] = (await callOk(b, 'audit-list', { action: 'sync.merge_undone' })).entries;
      expect([shown?.entityLabel, shown?.deviceName]).toEqual([twinFields.name, 'Counter']);
      expect(undoneOn(a)).toEqual([]);
      expect([[], [entry]]).toContainEqual(undoneOn(c));
      await expectSameExports(book.cores);
    });
  }

  it('a merge every device had taken in is erased with its survivor: the purge saw it', async () => {
    const { book, keep, twin } = await duplicatesOnDevices();
    const [a, b] = book.cores;
    await callOk(b, 'customers-merge', { survivorId: keep, absorbedId: twin, fields: mei });
    await book.settle([1, 0, 2]);
    await deleteForGood(a, keep);
    await book.settle([0, 1, 2, 0, 1, 2]);
    for (const core of book.cores) {
      expect(count(core, 'SELECT count(*) FROM customers')).toBe(0);
      expect(count(core, 'SELECT count(*) FROM visits') + count(core, 'SELECT count(*) FROM customer_merges')).toBe(0);
    }
    await expectSameExports(book.cores);
  });
});

describe('a merge undone on a device other than the one that made it', () => {
  for (const [order, seenByB] of orders.flatMap((order) => [false, true].map((seen) => [order, seen] as const))) {
    const visit = seenByB ? 'which B took in under the survivor before its undo' : 'which reaches B after its undo';
    it(`gives the absorbed customer back everywhere, with a visit logged for them apart ${visit}; the survivor is as before (syncs ${order.join('')})`, async () => {
      const { book, keep, twin, keepVisit, twinVisit } = await duplicatesOnDevices();
      const [a, b, c] = book.cores;
      const merge = await callOk(a, 'customers-merge', { survivorId: keep, absorbedId: twin, fields: { ...mei, notes: '燕麥拿鐵，少冰', phones: [...mei.phones, ...twinFields.phones] } });
      // C logs a visit for each while apart; B reads the merge and undoes it.
      const onC = (await callOk(c, 'visits-log', { customerId: twin, amountMinor: 2500 })).id;
      const contactOnC = (await callOk(c, 'visits-log-contact', { customerId: twin, method: 'call', note: '回電' })).id;
      const keepOnC = (await callOk(c, 'visits-log', { customerId: keep, amountMinor: 1500 })).id;
      if (seenByB) await book.sync(2);
      await book.sync(0);
      await book.sync(1);
      if (seenByB) expect(count(b, 'SELECT count(*) FROM visits WHERE customer_id = ?', keep)).toBe(5);
      const [listed] = await callOk(b, 'customers-merges', { customerId: keep });
      expect(listed?.undoable).toBe(true);
      await callOk(b, 'customers-merge-undo', { mergeId: merge.merge.id });
      await book.settle(order);
      for (const core of book.cores) {
        expect(core.db.prepare('SELECT id FROM visits WHERE customer_id = ? ORDER BY id').pluck().all(twin)).toEqual([twinVisit, onC, contactOnC].sort());
        expect(core.db.prepare('SELECT id FROM visits WHERE customer_id = ? ORDER BY id').pluck().all(keep)).toEqual([keepVisit, keepOnC].sort());
        const [back, survivor] = [await callOk(core, 'customers-get', { id: twin }), await callOk(core, 'customers-get', { id: keep })];
        expect([back.name, back.notes, back.phones.map((phone) => phone.display), back.visitCount]).toEqual([twinFields.name, twinFields.notes, twinFields.phones, 2]);
        expect([survivor.notes, survivor.phones.map((phone) => phone.display), survivor.visitCount]).toEqual([mei.notes, mei.phones, 2]);
        expect(count(core, 'SELECT count(*) FROM customer_merges WHERE undone_at IS NOT NULL')).toBe(1);
        expect(count(core, 'SELECT count(*) FROM satisfaction_answers WHERE customer_id = ?', twin)).toBe(1);
      }
      await expectSameExports(book.cores);
    });
  }
});

describe("the absorbed customer's profile after a merge's undo", () => {
  for (const undoneOn of [1, 2]) {
    it(`comes back with an edit made to them apart while the merge stood (undone on ${undoneOn === 1 ? 'the merging device' : 'a third device'})`, async () => {
      const { book, keep, twin } = await duplicatesOnDevices();
      const [a, b] = book.cores;
      const merge = await callOk(b, 'customers-merge', { survivorId: keep, absorbedId: twin, fields: mei });
      await callOk(a, 'customers-update', { id: twin, fields: { ...twinFields, notes: '改喝紅茶', phones: ['0933 000 222'] } });
      await book.sync(0);
      await book.sync(1);
      await book.sync(2);
      // The undoing device has read the edit (in its documents, not in its book: the twin was merged away there).
      await callOk(book.cores[undoneOn]!, 'customers-merge-undo', { mergeId: merge.merge.id });
      await book.settle([undoneOn, 0, 1, 2, 0, 1, 2]);
      for (const core of book.cores) {
        const back = await callOk(core, 'customers-get', { id: twin });
        expect([back.notes, back.phones.map((phone) => phone.display)]).toEqual(['改喝紅茶', ['0933 000 222']]);
      }
      await expectSameExports(book.cores);
    });
  }
});

describe("the absorbed customer's own edits around a merge and its undo", () => {
  it('an edit made just before the merge, and one made just after the undo, both reach every device', async () => {
    const { book, keep, twin } = await duplicatesOnDevices();
    const [a, b, c] = book.cores;
    // The notes and phones have been edited and sent once: the documents hold them.
    await callOk(a, 'customers-update', { id: twin, fields: { ...twinFields, notes: '第一次' } });
    await book.settle([0, 1, 2, 0, 1, 2]);
    await callOk(b, 'customers-update', { id: twin, fields: { ...twinFields, notes: '合併前改的', phones: ['0933 000 222'] } });
    const merge = await callOk(b, 'customers-merge', { survivorId: keep, absorbedId: twin, fields: mei });
    await book.settle([1, 0, 2, 1, 0, 2]);
    await callOk(c, 'customers-merge-undo', { mergeId: merge.merge.id });
    await book.settle([2, 0, 1, 2, 0, 1]);
    for (const core of book.cores) {
      const back = await callOk(core, 'customers-get', { id: twin });
      expect([back.notes, back.phones.map((phone) => phone.display)]).toEqual(['合併前改的', ['0933 000 222']]);
    }
    const again = await callOk(a, 'customers-merge', { survivorId: keep, absorbedId: twin, fields: mei });
    await book.sync(0);
    await callOk(a, 'customers-merge-undo', { mergeId: again.merge.id });
    await callOk(a, 'customers-update', { id: twin, fields: { ...twinFields, notes: '復原後改的', phones: ['0933 000 222'] } });
    await book.settle([0, 1, 2, 0, 1, 2]);
    for (const core of book.cores) expect((await callOk(core, 'customers-get', { id: twin })).notes).toBe('復原後改的');
    await expectSameExports(book.cores);
  });
});

describe('the book left in the shared folder for devices that join', () => {
  /** The customers in the book the folder holds for joiners, unsealed with the book's key. */
  const customersInFolderBook = async (folder: string, dataDir: string): Promise<string[]> => {
    const device = readDevice(bookPath(dataDir))!;
    const copy = path.join(tempDir(), 'joiners.db');
    expect(await readBookSnapshot(folder, device.bookId, device.key, copy)).toBe(true);
    const db = new Database(copy, { readonly: true });
    try {
      return db.prepare('SELECT id FROM customers ORDER BY id').pluck().all() as string[];
    } finally {
      db.close();
    }
  };

  it('is left again without a customer deleted for good, once, by the first device to sync after the purge', async () => {
    const { book, keep, twin } = await duplicatesOnDevices();
    const [a, b] = book.cores;
    const snapshot = path.join(bookFolderOf(book.folder, readDevice(bookPath(book.dirs[0]))!.bookId), 'book.snapshot');
    expect(await customersInFolderBook(book.folder, book.dirs[0])).toEqual([keep, twin].sort());
    await deleteForGood(b, twin);
    await book.sync(1);
    expect(await customersInFolderBook(book.folder, book.dirs[1])).toEqual([keep]);
    const left = statSync(snapshot).mtimeMs;
    // The others learn of the purge from the folder: the book there already lacks the customer.
    await book.settle([0, 2, 1]);
    expect(statSync(snapshot).mtimeMs).toBe(left);
    expect(count(a, 'SELECT count(*) FROM customers WHERE id = ?', twin)).toBe(0);
  });
});
