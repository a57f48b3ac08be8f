import type { Db } from '../../db/connection';
import { replaceBookKey } from '../book-keys';
import { writeDevice } from '../device';
import { listDevices, markDeviceRemoved } from '../registry';
import { revokeDeviceLink } from './links';

/**
 * Removing a device: its link is revoked at once (a session it starts is refused in the handshake;
 * one under way writes nothing), and it is marked removed in the book's registry, which travels:
 * every device that serves the book refuses it from then on, and no device reads its folder
 * bundles. The book's key is replaced for the devices that remain (book-keys.ts), so what is
 * written to a shared folder from then on is closed to it.
 */
export const removeDevice = (db: Db, bookFile: string, deviceId: string, at: Date): { linkRevoked: boolean; marked: boolean } => {
  const removal = db.transaction(() => {
    const linkRevoked = revokeDeviceLink(db, deviceId, at);
    const marked = markDeviceRemoved(db, deviceId, at.toISOString());
    return { linkRevoked, marked, sealing: marked ? replaceBookKey(db, bookFile, at, deviceId) : null };
  })();
  if (removal.sealing !== null) writeDevice(bookFile, removal.sealing);
  return { linkRevoked: removal.linkRevoked, marked: removal.marked };
};

/** Whether the book's registry says the device was removed (here, or on any device the book synced with). */
export const removedFromBook = (db: Db, deviceId: string): boolean => listDevices(db, null).some((device) => device.id === deviceId && device.removedAt !== null);
