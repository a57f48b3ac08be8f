import { err, ok, type Result } from '../../../shared/result';
import type { Db } from '../db/connection';
import { newId } from '../db/ids';
import { installCaptureTriggers } from '../db/replicated';
import { readStateValue, writeStateValue } from '../settings';
import { invitationCode, newBookKey, newDevice, readDevice, readInvitation, writeDevice } from './device';
import { bookHoldsRecords } from './queries';
import { defaultDeviceName, registerDevice } from './registry';

/**
 * Sharing this book: the first invitation makes it a shared book (this device its first device,
 * the book its genesis) and starts noting its writes for the others; later ones answer the same
 * code. The code carries the book's key: whoever holds it can read the shared folder's files.
 */
export const inviteDevice = (db: Db, bookFile: string, at: Date, name = defaultDeviceName()): string => {
  const existing = readDevice(bookFile);
  if (existing !== null) return invitationCode(existing);
  const stored = readStateValue(db, 'bookId');
  const bookId = typeof stored === 'string' ? stored : newId();
  if (stored !== bookId) writeStateValue(db, 'bookId', bookId);
  const device = newDevice(bookId, newBookKey(), false, name);
  writeDevice(bookFile, device);
  installCaptureTriggers(db);
  // After the triggers: the registration is the book's first shared record.
  registerDevice(db, device.deviceId, name, at.toISOString(), false);
  return invitationCode(device);
};

/** Makes this data folder a device of the invited book; its book arrives with the first sync. */
export const joinDevice = (db: Db, bookFile: string, code: string, name = defaultDeviceName()): Result<{ bookId: string; deviceId: string }> => {
  const invitation = readInvitation(code);
  if (invitation === null) return err('INVALID_STATE', { reason: 'not_an_invitation' });
  if (readDevice(bookFile) !== null) return err('INVALID_STATE', { reason: 'already_shared' });
  if (bookHoldsRecords(db)) return err('INVALID_STATE', { reason: 'book_not_empty' });
  const device = newDevice(invitation.bookId, invitation.key, true, name);
  writeDevice(bookFile, device);
  return ok({ bookId: device.bookId, deviceId: device.deviceId });
};
