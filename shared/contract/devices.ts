import { z } from 'zod';
import type { AppError } from '../errors';
import { handler, returns } from './define';
import { localPath } from './files';

/** A device of a shared book, as Settings → Devices lists it. */
export interface DeviceSummary {
  id: string;
  name: string;
  joinedAt: string;
  /** Removed by the owner: kept in the list so it is clear which device that was. */
  removedAt: string | null;
  thisDevice: boolean;
  /**
   * This device: its last successful sync. Another device: when its latest changes were last
   * received here. Null: never.
   */
  lastSyncedAt: string | null;
}

/** A device not heard from for this long is pointed out in the sync status. */
export const quietDeviceDays = 7;

/** The sync as the shell's status shows it, for anyone at the counter (no customer data in it). */
export interface SyncStatus {
  /** This book is shared with other devices (or this device has joined one). */
  shared: boolean;
  /** Joined, but the book has not been fetched (from the shared folder or the serving device) yet. */
  awaitingBook: boolean;
  /** This device's shared folder; '' until the owner sets one. */
  folder: string;
  /** The folder is set and can be read now (a USB stick plugged in, a drive mounted). */
  folderReachable: boolean;
  /** The device serving the book that this one syncs with on the shop's network (`regulars://host:port`, from its invitation); null: none. */
  peer: string | null;
  /** This device serves the book on the shop's network now, at this address. */
  serving: { address: string } | null;
  /** The owner shares the book on the network from this device (served again whenever the app starts). */
  serveWanted: boolean;
  /** Why this device does not serve the book although the owner asked it to (the port taken). */
  serveError: AppError | null;
  syncing: boolean;
  lastSyncedAt: string | null;
  /** The last sync's refusal or failure; null once a sync succeeds. */
  lastError: AppError | null;
  /** Records changed on this device since its last sync, not yet sent. */
  waitingChanges: number;
  /** Other devices (not removed) whose changes have not arrived for `quietDeviceDays` days or more. */
  quietDevices: { id: string; name: string; lastSyncedAt: string | null }[];
}

/** A QR code's modules, one string per row ('1' dark, '0' light), drawn by the renderer as it likes. */
export interface QrModules {
  size: number;
  rows: string[];
}

export interface Invitation {
  code: string;
  qr: QrModules;
  /** Where the joining device will reach this one on the shop's network; null: the code carries no address (not serving). */
  address: string | null;
}

const deviceId = z.string().regex(/^[0-9A-Z]{26}$/, 'invalid');

export const devicesContract = {
  'devices-list': handler({
    input: z.strictObject({}),
    output: returns<DeviceSummary[]>(),
    access: 'owner',
    mutates: false,
  }),
  /** The invitation code for another device, and the same as a QR code; the first one makes the book shared. */
  'devices-invite': handler({
    input: z.strictObject({}),
    output: returns<Invitation>(),
    access: 'owner',
    mutates: true,
  }),
  /** Makes this (empty) book a device of the invited book; the book itself arrives with the first sync. */
  'devices-join': handler({
    // `name`: how the other devices list this one; without it, the computer's name.
    input: z.strictObject({ code: z.string().trim().min(1).max(2000), name: z.string().trim().min(1).max(80).optional() }),
    output: returns<{ bookId: string; deviceId: string; peer: string | null }>(),
    access: 'owner',
    mutates: true,
  }),
  'devices-rename': handler({
    input: z.strictObject({ id: deviceId, name: z.string().trim().min(1).max(80) }),
    output: returns<DeviceSummary[]>(),
    access: 'owner',
    mutates: true,
  }),
  'devices-remove': handler({
    input: z.strictObject({ id: deviceId }),
    output: returns<DeviceSummary[]>(),
    access: 'owner',
    mutates: true,
  }),
  'sync-status': handler({
    input: z.strictObject({}),
    output: returns<SyncStatus>(),
    access: 'staff',
    mutates: false,
  }),
  /** This device's shared folder (each device has its own path to it; not shared with the others). */
  'sync-folder-set': handler({
    input: z.strictObject({ folder: localPath({ required: false }) }),
    output: returns<SyncStatus>(),
    access: 'owner',
    mutates: true,
  }),
  /**
   * Shares the book on the shop's network from this device while the app runs (remembered: served
   * again whenever it starts), or stops: other devices sync with it at the address shown.
   */
  'sync-serve-set': handler({
    input: z.strictObject({ serving: z.boolean() }),
    output: returns<SyncStatus>(),
    access: 'owner',
    mutates: true,
  }),
  /**
   * Syncs through the shared folder or with the serving device now (fetching the book first on a device that joined), in the
   * job worker. Not a `mutates` handler: the sync announces its one change itself when it ends,
   * however it ended, as the automatic syncs do.
   */
  'sync-now': handler({
    input: z.strictObject({}),
    output: returns<SyncStatus>(),
    access: 'owner',
    mutates: false,
  }),
} as const;
