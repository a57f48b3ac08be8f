import { describe, expect, it } from 'vitest';
import { bucketOf, cellKey, encodeCell, type CellScalar } from '../../shared/sync/cells';
import { checkBook } from '../../electron/core/check';
import { newId } from '../../electron/core/db/ids';
import { bookPath } from '../../electron/core/paths';
import { heldRecords, readDevice } from '../../electron/core/sync';
import { loadAutomerge } from '../../electron/core/sync/automerge';
import { docsFolderOf, Documents } from '../../electron/core/sync/documents';
import { callOk } from '../support/core';
import { projectRoot, threeDevices } from '../support/sync-devices';

/**
 * A record another device sent that breaks a rule of this book (a CHECK, a UNIQUE key) cannot be
 * written and would wait for ever: it is kept in sync_held from the first sync that could not write
 * it, and `check` names it, until a later change lets it be written (issue 19).
 */
describe('a record the book cannot write', () => {
  it('is held, named by check, and released once a later change makes it writable', async () => {
    let customerId = '';
    const book = await threeDevices(async (a) => {
      customerId = (await callOk(a, 'customers-create', { name: '王小明', phones: ['0912 000 111'] })).id;
    });
    await book.join();
    await book.settle([1, 2, 0, 1, 2]);
    const [, b] = book.cores;
    const bookFile = bookPath(book.dirs[0]);
    const device = readDevice(bookFile)!;
    const automerge = await loadAutomerge(projectRoot);
    const visitId = newId();
    const at = new Date().toISOString();
    // What a device with a faulty version could send: a visit with a negative amount, which the book's CHECK refuses.
    const sendVisit = (amountMinor: number) => {
      const documents = new Documents(automerge, docsFolderOf(bookFile), device.actor);
      const bucket = bucketOf('visits', visitId);
      const cells: Record<string, CellScalar> = {
        id: visitId, customer_id: customerId, kind: 'visit', occurred_at: at, amount_minor: amountMinor, channel: 'store',
        items: '', note: '', staff_id: null, created_at: at, archived_at: null,
      };
      documents.set(
        bucket,
        automerge.change(documents.get(bucket), (doc) => {
          for (const [column, value] of Object.entries(cells)) {
            doc[cellKey('visits', visitId, column)] = new automerge.ImmutableString(encodeCell({ value, device: device.deviceId, at, staff: null }));
          }
        }),
      );
      documents.save();
    };
    sendVisit(-500);
    await book.sync(0);
    await book.sync(1);
    expect(heldRecords(b.db).map((record) => [record.tbl, record.row_key, record.reason])).toEqual([['visits', visitId, 'breaks_rule']]);
    const problems = checkBook(book.dirs[1], projectRoot).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`sync: visits ${visitId} from another device cannot be written into this book`);
    expect(problems[0]).toContain('CHECK constraint failed');
    expect((await callOk(b, 'customers-get', { id: customerId })).visitCount).toBe(0);

    // The sending device puts it right: the next sync writes it, and nothing is held any more.
    sendVisit(500);
    await book.sync(0);
    await book.sync(1);
    expect(heldRecords(b.db)).toEqual([]);
    expect(checkBook(book.dirs[1], projectRoot).problems).toEqual([]);
    expect((await callOk(b, 'customers-get', { id: customerId })).visitCount).toBe(1);
  });
});
