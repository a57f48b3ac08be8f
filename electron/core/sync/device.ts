import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { syncFolderOf } from '../db/replicated';
import { newId } from '../db/ids';
import { newExchangeKeys, type ExchangeKeys } from './book-key-seals';

/**
 * This device's identity in a shared book, kept in <data>/sync/device.json beside the book and
 * never inside it: a backup restored on another computer must not make two devices one (two
 * devices writing changes as one Automerge actor would corrupt every document they share).
 */
const deviceSchema = z.object({
  version: z.literal(1),
  bookId: z.string().min(1),
  deviceId: z.string().min(1),
  /** Automerge's actor id: 32 hex digits, this device's alone. */
  actor: z.string().regex(/^[0-9a-f]{32}$/),
  /** The book's sharing key (AES-256, base64): what the folder's files are sealed with — the newest this device holds. */
  key: z.string().min(1),
  /** The book's earlier keys this device holds: bundles written before a key was replaced still open with them. */
  keyring: z.array(z.string().min(1)).optional(),
  /** This device's X25519 key pair (book-key-seals.ts): a replaced book key is sealed for it with the public half. */
  exchange: z.object({ publicKey: z.string().min(1), privateKey: z.string().min(1) }).optional(),
  /** Joined but not yet given the book: the first sync fetches it. */
  awaitingBook: z.boolean(),
  /** What this device is called in the book's registry; given at joining, registered once the book arrives. */
  name: z.string().min(1).optional(),
  /** The serving device's address on the shop's network, from the invitation (`regulars://host:port`). */
  peer: z.string().optional(),
  /** The inviting device's id, from the invitation: what it is looked for by on the shop's network when its address does not answer before a link names it. */
  invitedBy: z.string().min(1).optional(),
  /** The invitation's one-time pairing secret, until the serving device has answered it with a link. */
  pairing: z.object({ id: z.string().min(1), secret: z.string().min(1) }).optional(),
  /** This device's link credential with the serving device (`peer` its device id): what later syncs connect with. */
  link: z.object({ peer: z.string().min(1), secret: z.string().min(1) }).optional(),
});

export type Device = z.infer<typeof deviceSchema>;

const deviceFile = (bookFile: string) => path.join(syncFolderOf(bookFile), 'device.json');

export const readDevice = (bookFile: string): Device | null => {
  try {
    const parsed = deviceSchema.safeParse(JSON.parse(readFileSync(deviceFile(bookFile), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};

export const writeDevice = (bookFile: string, device: Device): void => {
  mkdirSync(syncFolderOf(bookFile), { recursive: true });
  const file = deviceFile(bookFile);
  writeFileSync(`${file}.partial`, JSON.stringify(device, null, 2));
  renameSync(`${file}.partial`, file);
};

export const newDevice = (bookId: string, key: string, awaitingBook: boolean, name: string): Device & { exchange: ExchangeKeys } => ({
  version: 1,
  bookId,
  deviceId: newId(),
  actor: randomBytes(16).toString('hex'),
  key,
  awaitingBook,
  name,
  exchange: newExchangeKeys(),
});

/** Every book key this device can open the folder's files with, the newest first. */
export const bookKeysOf = (device: Device): string[] => [device.key, ...(device.keyring ?? [])];

/** A device that shared before book keys were replaced gets its key pair (and publishes it at its next sync). */
export const withExchangeKeys = (bookFile: string, device: Device): Device & { exchange: ExchangeKeys } => {
  if (device.exchange !== undefined) return { ...device, exchange: device.exchange };
  const updated = { ...device, exchange: newExchangeKeys() };
  writeDevice(bookFile, updated);
  return updated;
};

export const newBookKey = (): string => randomBytes(32).toString('base64');

/**
 * An invitation: the book and its key, one line to copy (the folder is given to `sync` separately);
 * for the shop's network also the inviting device's address and a one-time pairing secret. Codes
 * made before the network transport (book and key only) stay readable.
 */
const invitationSchema = z.object({
  v: z.literal(1),
  book: z.string().min(1),
  key: z.string().min(1),
  addr: z.string().min(1).optional(),
  pair: z.object({ id: z.string().min(1), secret: z.string().min(1) }).optional(),
  /** The inviting device (codes made before it was added carry none). */
  dev: z.string().min(1).optional(),
});

export interface Invitation {
  bookId: string;
  key: string;
  address?: string;
  pairing?: { id: string; secret: string };
  invitedBy?: string;
}

const invitationPrefix = 'regulars-invite-';

export const invitationCode = (device: Device, network?: { address: string | null; pairing: { id: string; secret: string } }): string => {
  const fields = {
    v: 1,
    book: device.bookId,
    key: device.key,
    ...(network?.address ? { addr: network.address } : {}),
    ...(network ? { pair: network.pairing, dev: device.deviceId } : {}),
  };
  return invitationPrefix + Buffer.from(JSON.stringify(fields)).toString('base64url');
};

export const readInvitation = (code: string): Invitation | null => {
  const trimmed = code.trim();
  if (!trimmed.startsWith(invitationPrefix)) return null;
  try {
    const parsed = invitationSchema.safeParse(JSON.parse(Buffer.from(trimmed.slice(invitationPrefix.length), 'base64url').toString('utf8')));
    if (!parsed.success || Buffer.from(parsed.data.key, 'base64').length !== 32) return null;
    const { book, key, addr, pair, dev } = parsed.data;
    return {
      bookId: book,
      key,
      ...(addr === undefined ? {} : { address: addr }),
      ...(pair === undefined ? {} : { pairing: pair }),
      ...(dev === undefined ? {} : { invitedBy: dev }),
    };
  } catch {
    return null;
  }
};
