import type { Db } from '../../db/connection';
import { revokeDeviceLink } from './links';

/**
 * Removing a device, on the device that serves the book: its link is revoked at once (a session
 * it starts is refused in the handshake; one under way writes nothing). Answers whether it had a link.
 */
export const removeDevice = (db: Db, deviceId: string, at: Date): boolean => revokeDeviceLink(db, deviceId, at);
