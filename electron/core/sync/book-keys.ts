import type { Db } from '../db/connection';
import { bookKeyId, openAsDevice, openWithKey, sealForDevice, sealWithKey } from './book-key-seals';
import { bookKeyRows, deviceRemovals, insertBookKeyRow, publishedExchangeKeys, type BookKeyRow } from './book-keys-queries';
import { bookKeysOf, newBookKey, readDevice, withExchangeKeys, writeDevice, type Device } from './device';
import { defaultDeviceName, registerDevice } from './registry';
import { remainingDevices } from './registry-queries';

/**
 * The shared folder's key after a device is removed. Whoever holds the book's key can open the
 * folder's files, and a removed device still holds it; so removing a device makes a new key, sealed
 * for each device that remains with its published public key (book-key-seals.ts), and seals every
 * earlier key with the new one. The rows replicate like the registry, and each folder sync also
 * leaves them in the folder (folder.ts), where a device that cannot yet open the new bundles finds
 * them. Devices seal what they write with the newest key they hold and open with any of them, so
 * a device offline during the removal reads on once it has synced; the removed device opens
 * nothing written afterwards.
 */

const envelopeLabel = (row: Pick<BookKeyRow, 'key_id' | 'made_at' | 'made_by' | 'for_device' | 'removes'>) =>
  `book-key/${row.key_id}/${row.made_at}/${row.made_by}/for/${row.for_device ?? ''}/removes/${row.removes ?? ''}`;
const chainLabel = (keyId: string, newerKeyId: string) => `book-key/${keyId}/in/${newerKeyId}`;

/**
 * A new book key, for every device still in the book that has published its public key (a device
 * that has not synced since keys were published is left out: it must join again). Runs in the
 * removal's transaction, after the device was marked removed; answers this device as it seals from
 * now on, for the caller to write once the transaction has committed (should that never happen,
 * the key sealed for this device itself gives it back at its next sync).
 */
export const replaceBookKey = (db: Db, bookFile: string, at: Date, removedDevice: string): Device | null => {
  const stored = readDevice(bookFile);
  if (stored === null) return null;
  const device = withExchangeKeys(bookFile, stored);
  const madeAt = at.toISOString();
  registerDevice(db, device.deviceId, device.name ?? defaultDeviceName(), madeAt, device.exchange.publicKey, false);
  const key = newBookKey();
  const keyId = bookKeyId(key);
  for (const target of remainingDevices(db)) {
    if (target.exchange_key === null) continue;
    const envelope = { key_id: keyId, made_at: madeAt, made_by: device.deviceId, for_device: target.id, removes: removedDevice };
    insertBookKeyRow(db, {
      id: `${keyId}/for/${target.id}`,
      ...envelope,
      sealed_with: null,
      sealed: sealForDevice(device.exchange.privateKey, target.exchange_key, envelopeLabel(envelope), key),
    });
  }
  for (const older of bookKeysOf(device)) {
    const olderId = bookKeyId(older);
    insertBookKeyRow(db, {
      id: `${olderId}/in/${keyId}`,
      key_id: olderId,
      made_at: madeAt,
      made_by: device.deviceId,
      for_device: null,
      sealed_with: keyId,
      sealed: sealWithKey(key, chainLabel(olderId, keyId), older),
      removes: null,
    });
  }
  return { ...device, key, keyring: bookKeysOf(device) };
};

/** A key sealed for this device by a device removed before it made it is never taken (a removed device's own key). */
const madeByRemoved = (row: BookKeyRow, removals: ReadonlyMap<string, string>): boolean => {
  const removedAt = removals.get(row.made_by);
  return removedAt !== undefined && row.made_at >= removedAt;
};

export interface KeysLearned {
  /** The device as it now is (device.json rewritten when it changed). */
  device: Device;
  /** Devices removed from the book, as the registry says or as a key sealed for this device vouches. */
  removed: ReadonlySet<string>;
}

/**
 * Opens the book keys sealed for this device, and the earlier keys sealed with those, from the
 * book's rows and any found in the folder; the newest becomes the key this device seals with.
 */
export const learnBookKeys = (db: Db, bookFile: string, device: Device, folderRows: readonly BookKeyRow[] = []): KeysLearned => {
  const rows = [...bookKeyRows(db), ...folderRows];
  const removals = deviceRemovals(db);
  const published = publishedExchangeKeys(db);
  const forThisDevice = rows.filter((row) => row.for_device === device.deviceId);
  const distrusted = new Set(forThisDevice.filter((row) => madeByRemoved(row, removals)).map((row) => row.key_id));
  for (const row of forThisDevice) if (!madeByRemoved(row, removals)) distrusted.delete(row.key_id);
  const known = new Map(bookKeysOf(device).filter((key) => !distrusted.has(bookKeyId(key))).map((key) => [bookKeyId(key), key]));
  const madeAt = new Map<string, string>();
  const removed = new Set(removals.keys());
  for (let progress = true; progress; ) {
    progress = false;
    for (const row of rows) {
      // A key sealed for this device is dated by its seal; an earlier key is only needed once.
      const settled = row.for_device === null ? known.has(row.key_id) : madeAt.has(row.key_id);
      const opened = settled ? null : openRow(row, device, known, published, removals);
      if (opened === null) continue;
      known.set(row.key_id, opened);
      if (row.for_device !== null) madeAt.set(row.key_id, row.made_at);
      // Only a seal that opened vouches for a removal: the device it names is inside the seal.
      if (row.for_device !== null && row.removes !== null) removed.add(row.removes);
      progress = true;
    }
  }
  // The key this device already seals with was made when any device first received it (the first invitation's: never).
  const currentId = bookKeyId(device.key);
  if (!madeAt.has(currentId) && known.has(currentId)) madeAt.set(currentId, rows.filter((row) => row.key_id === currentId && row.for_device !== null).reduce((first, row) => (first === '' || row.made_at < first ? row.made_at : first), ''));
  const newestId = [...madeAt.entries()].sort(([leftId, left], [rightId, right]) => (left === right ? rightId.localeCompare(leftId) : right.localeCompare(left)))[0]?.[0] ?? currentId;
  const sealing = known.get(newestId) ?? [...known.values()][0] ?? device.key;
  const keyring = [...known.values()].filter((key) => key !== sealing);
  const updated: Device = { ...device, key: sealing, keyring };
  const changed = sealing !== device.key || JSON.stringify(keyring) !== JSON.stringify(device.keyring ?? []);
  if (changed) writeDevice(bookFile, updated);
  return { device: changed ? updated : device, removed };
};

/** The key a row holds, when this device can open it: sealed for it by a device in good standing, or with a key it holds. */
const openRow = (row: BookKeyRow, device: Device, known: ReadonlyMap<string, string>, published: ReadonlyMap<string, string>, removals: ReadonlyMap<string, string>): string | null => {
  let key: string | null = null;
  if (row.for_device !== null) {
    const makerKey = published.get(row.made_by);
    if (row.for_device !== device.deviceId || device.exchange === undefined || makerKey === undefined || madeByRemoved(row, removals)) return null;
    // Opened even when the key is known: the seal is what vouches for the row's date and the removal it names.
    key = openAsDevice(device.exchange.privateKey, makerKey, envelopeLabel(row), row.sealed);
  } else if (row.sealed_with !== null) {
    const newer = known.get(row.sealed_with);
    key = newer === undefined ? null : openWithKey(newer, chainLabel(row.key_id, row.sealed_with), row.sealed);
  }
  return key !== null && bookKeyId(key) === row.key_id ? key : null;
};
