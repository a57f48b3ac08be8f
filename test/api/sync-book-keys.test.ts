import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { customerRecordParticipants } from '../../electron/core/core';
import { bookPath } from '../../electron/core/paths';
import { fetchJoinedBook, inviteDevice, joinDevice, readDevice, syncThroughFolder } from '../../electron/core/sync';
import { replaceBookKey } from '../../electron/core/sync/book-keys';
import { writeDevice } from '../../electron/core/sync/device';
import { callOk } from '../support/core';
import { expectOk } from '../support/result';
import { agreed, folderFor, open, projectRoot, threeDevices } from '../support/sync-devices';

/**
 * Removing a device shuts it out of the shared folder too (issue 19): the book's key is replaced,
 * the new key reaches only the devices that remain, and nobody reads the removed device's bundles.
 */
describe('a removed device and the shared folder', () => {
  it('opens nothing written after its removal, its own changes go nowhere, and a device joining later still reads the whole history', async () => {
    let meiId = '';
    const book = await threeDevices(async (a) => {
      meiId = (await callOk(a, 'customers-create', { name: '林美華', phones: ['0912 345 678'], notes: '燕麥拿鐵' })).id;
    });
    await book.join();
    await book.settle([1, 2, 0, 1, 2]);
    const [a, b, c] = book.cores;
    const deviceOf = (index: number) => readDevice(bookPath(book.dirs[index]!))!;
    const keyBefore = deviceOf(0).key;
    expect(deviceOf(1).key).toBe(keyBefore);

    // B is away when the owner removes C at the counter (A).
    await callOk(a, 'devices-remove', { id: deviceOf(2).deviceId });
    expect(deviceOf(0).key).not.toBe(keyBefore);
    await callOk(a, 'customers-update', { id: meiId, fields: { name: '林美華', phones: ['0912 345 678'], notes: '換成豆奶' } });
    await callOk(c, 'customers-update', { id: meiId, fields: { name: '林美華', phones: ['0912 345 678'], notes: '偷改的' } });
    await book.sync(0);
    await book.sync(2);
    await book.sync(1);
    await book.sync(0);

    // B came back, read the new key from what A left, and seals with it from now on.
    expect(deviceOf(1).key).toBe(deviceOf(0).key);
    expect((await callOk(b, 'customers-get', { id: meiId })).notes).toBe('換成豆奶');
    expect((await callOk(a, 'customers-get', { id: meiId })).notes).toBe('換成豆奶');
    expect(agreed(b)).toBe(agreed(a));
    // C holds only the old key: what A wrote after the removal stays closed to it.
    expect(deviceOf(2).key).toBe(keyBefore);
    expect((await callOk(c, 'customers-get', { id: meiId })).notes).toBe('偷改的');

    // C passes off a key of its own as the book's, sealed for A and B, claiming A removed: neither takes it.
    const c2 = deviceOf(2);
    writeDevice(bookPath(book.dirs[2]), c.db.transaction(() => replaceBookKey(c.db, bookPath(book.dirs[2]), new Date(Date.now() + 60_000), deviceOf(0).deviceId))()!);
    expect(deviceOf(2).key).not.toBe(c2.key);
    await book.sync(2);
    await book.sync(1);
    await book.sync(0);
    expect(deviceOf(1).key).toBe(deviceOf(0).key);
    expect(deviceOf(1).key).not.toBe(deviceOf(2).key);
    await callOk(b, 'customers-update', { id: meiId, fields: { name: '林美華', phones: ['0912 345 678'], notes: '豆奶少冰' } });
    await book.sync(1);
    await book.sync(0);
    expect((await callOk(a, 'customers-get', { id: meiId })).notes).toBe('豆奶少冰');

    // A device that joins now, with a new invitation, fetches the book and reads the bundles written before the removal.
    const newcomerDir = folderFor();
    const code = inviteDevice(a.db, bookPath(book.dirs[0]), new Date(), 'Counter');
    await book.sync(0);
    const empty = open(newcomerDir);
    expectOk(joinDevice(empty.db, bookPath(newcomerDir), code, 'Tablet'));
    empty.close();
    expectOk(await fetchJoinedBook({ bookFile: bookPath(newcomerDir), folder: book.folder, projectRoot }));
    const outcome = expectOk(await syncThroughFolder({ bookFile: bookPath(newcomerDir), folder: book.folder, projectRoot, participants: customerRecordParticipants, now: () => new Date() }));
    expect(outcome.waiting).toBe(0);
    const tablet = open(newcomerDir);
    expect((await callOk(tablet, 'customers-get', { id: meiId })).notes).toBe('豆奶少冰');
    expect(readDevice(bookPath(newcomerDir))!.keyring).toContain(keyBefore);
    await book.sync(0);
    expect(agreed(tablet)).toBe(agreed(a));
  });

  it('leaves the new key in the folder as files sealed for each remaining device, never the key itself; a copy naming another removal is not believed', async () => {
    let adaId = '';
    const book = await threeDevices(async (a) => {
      adaId = (await callOk(a, 'customers-create', { name: 'Ada Lovelace', phones: ['0922 111 222'] })).id;
    });
    await book.join();
    await book.settle([1, 2, 0, 1, 2]);
    const removedId = readDevice(bookPath(book.dirs[2]))!.deviceId;
    await callOk(book.cores[0], 'devices-remove', { id: removedId });
    await book.sync(0);
    const keysFolder = path.join(book.folder, 'regulars-sync', readDevice(bookPath(book.dirs[0]))!.bookId, 'keys');
    expect(existsSync(keysFolder)).toBe(true);
    const files = readdirSync(keysFolder);
    const newKey = readDevice(bookPath(book.dirs[0]))!.key;
    for (const dir of book.dirs.slice(0, 2)) expect(files.some((name) => name.endsWith(`~for~${readDevice(bookPath(dir))!.deviceId}.key`))).toBe(true);
    expect(files.some((name) => name.includes(removedId))).toBe(false);
    for (const name of files) expect(readFileSync(path.join(keysFolder, name), 'utf8')).not.toContain(newKey);

    // A key file copied under another name, its removal changed to name the counter: its seal does not
    // open, so B goes on reading the counter's bundles.
    const bId = readDevice(bookPath(book.dirs[1]))!.deviceId;
    const envelope = JSON.parse(readFileSync(path.join(keysFolder, files.find((name) => name.endsWith(`~for~${bId}.key`))!), 'utf8')) as { id: string; removes: string };
    const counterId = readDevice(bookPath(book.dirs[0]))!.deviceId;
    writeFileSync(path.join(keysFolder, 'forged.key'), JSON.stringify({ ...envelope, id: `${envelope.id}-forged`, removes: counterId }));
    await callOk(book.cores[0], 'customers-update', { id: adaId, fields: { name: 'Ada Lovelace', phones: ['0922 111 222'], notes: 'tea, no sugar' } });
    await book.sync(0);
    await book.sync(1);
    expect((await callOk(book.cores[1], 'customers-get', { id: adaId })).notes).toBe('tea, no sugar');
  });
});
