import type { Db } from '../../db/connection';
import { listDevices, markDeviceRemoved } from '../registry';
import { revokeDeviceLink } from './links';

/**
 * Removing a device, on the device that serves the book: its link is revoked at once (a session
 * it starts is refused in the handshake; one under way writes nothing), and it is marked removed
 * in the book's registry, which travels: every device that serves the book refuses it from then on.
 */
export const removeDevice = (db: Db, deviceId: string, at: Date): { linkRevoked: boolean; marked: boolean } =>
  db.transaction(() => ({ linkRevoked: revokeDeviceLink(db, deviceId, at), marked: markDeviceRemoved(db, deviceId, at.toISOString()) }))();

/** Whether the book's registry says the device was removed (here, or on any device the book synced with). */
export const removedFromBook = (db: Db, deviceId: string): boolean => listDevices(db, null).some((device) => device.id === deviceId && device.removedAt !== null);
