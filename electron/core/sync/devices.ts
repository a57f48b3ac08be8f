import { err, ok, type Result } from '../../../shared/result';
import type { Db } from '../db/connection';
import { newId } from '../db/ids';
import { installCaptureTriggers } from '../db/replicated';
import { readStateValue, writeStateValue } from '../settings';
import { invitationCode, newBookKey, newDevice, readDevice, readInvitation, writeDevice, type Device } from './device';
import { announcedAddress } from './network/address';
import { newPairing } from './network/links';
import { bookHoldsRecords } from './queries';
import { defaultDeviceName, registerDevice } from './registry';

const makeShared = (db: Db, bookFile: string, at: Date, name: string): Device => {
  const stored = readStateValue(db, 'bookId');
  const bookId = typeof stored === 'string' ? stored : newId();
  if (stored !== bookId) writeStateValue(db, 'bookId', bookId);
  const device = newDevice(bookId, newBookKey(), false, name);
  writeDevice(bookFile, device);
  installCaptureTriggers(db);
  // After the triggers: the registration is the book's first shared record.
  registerDevice(db, device.deviceId, name, at.toISOString(), device.exchange.publicKey, false);
  return device;
};

/**
 * Sharing this book: the first invitation makes it a shared book (this device its first device,
 * the book its genesis) and starts noting its writes for the others. Every invitation carries the
 * book's key (whoever holds it can read the shared folder's files) and a new one-time pairing
 * secret, valid for a day, with which a device joining over the shop's network gets its own link;
 * `address`: where this device serves the book (default: where its listener announced it is, if it runs).
 */
export const inviteDevice = (db: Db, bookFile: string, at: Date, name = defaultDeviceName(), address?: string | null): string => {
  const device = readDevice(bookFile) ?? makeShared(db, bookFile, at, name);
  const pairing = newPairing(db, at);
  return invitationCode(device, { address: address ?? announcedAddress(bookFile), pairing });
};

/** Makes this data folder a device of the invited book; its book arrives with the first sync. */
export const joinDevice = (db: Db, bookFile: string, code: string, name = defaultDeviceName()): Result<{ bookId: string; deviceId: string }> => {
  const invitation = readInvitation(code);
  if (invitation === null) return err('INVALID_STATE', { reason: 'not_an_invitation' });
  if (readDevice(bookFile) !== null) return err('INVALID_STATE', { reason: 'already_shared' });
  if (bookHoldsRecords(db)) return err('INVALID_STATE', { reason: 'book_not_empty' });
  const device: Device = {
    ...newDevice(invitation.bookId, invitation.key, true, name),
    ...(invitation.address === undefined ? {} : { peer: invitation.address }),
    ...(invitation.pairing === undefined ? {} : { pairing: invitation.pairing }),
    ...(invitation.invitedBy === undefined ? {} : { invitedBy: invitation.invitedBy }),
  };
  writeDevice(bookFile, device);
  return ok({ bookId: device.bookId, deviceId: device.deviceId });
};
