import { z } from 'zod';
import type { AppError } from '../errors';
import { handler, returns } from './define';
import { fileSource, localPath } from './files';

/** The extension of Regulars backup files (registered as a file association by the installer). */
export const backupExtension = '.regulars-backup';

export const backupStarters = ['manual', 'automatic', 'quit', 'before_restore', 'command_line'] as const;
export type BackupStarter = (typeof backupStarters)[number];

/** A passphrase protects every customer's phone and address on a USB stick: long enough to matter. */
export const passphrase = z.string().min(8).max(1024);

/** How the passphrase for automatic encrypted backups is kept. */
export type PassphraseKeeping = 'keychain' | 'this_session' | 'none';

export interface BackupSettings {
  /** '' until the owner picks a folder. */
  folder: string;
  /** One backup a day while the app runs, and one when it quits after changes. */
  automatic: boolean;
  keepDaily: number;
  keepWeekly: number;
  encrypt: boolean;
  passphraseKept: PassphraseKeeping;
  /** The desktop app can keep the passphrase in the system keychain; browser mode only for this session. */
  keychainAvailable: boolean;
}

export interface BackupRun {
  id: string;
  startedBy: BackupStarter;
  startedAt: string;
  finishedAt: string;
  ok: boolean;
  file: string;
  sizeBytes: number;
  encrypted: boolean;
  failure: AppError | null;
  counts: Record<string, number>;
}

export interface RestoreRecord {
  id: string;
  restoredAt: string;
  sourceFile: string;
  sourceCreatedAt: string;
  /** The safety backup of the book as it was just before the restore. */
  undoFile: string;
  undoneAt: string | null;
  /**
   * restore: from a backup; undo: the book put back as it was before the restore made at `of`;
   * redo: that restore put back after its undo. (An undo swaps in the copy the swap before it made.)
   */
  kind: 'restore' | 'undo' | 'redo';
  /** For an undo or a redo: when the restore it concerns was made; null for a restore. */
  of: string | null;
}

export interface BackupStatus {
  settings: BackupSettings;
  lastGood: BackupRun | null;
  /** Failed backups since the last good one, newest first: shown until a backup succeeds. */
  failuresSinceGood: BackupRun[];
  /** No good backup within `allowedAgeHours` while the book has customers. */
  overdue: boolean;
  allowedAgeHours: number;
  recent: BackupRun[];
  lastRestore: RestoreRecord | null;
  /** Where exports go unless the owner says otherwise. */
  defaultExportFolder: string;
}

/** What a backup file holds, read from its header; `verified` once its contents were checked. */
export interface BackupContents {
  file: string;
  fileName: string;
  sizeBytes: number;
  createdAt: string;
  appVersion: string;
  schemaVersion: number;
  shopName: string;
  counts: Record<string, number>;
  encrypted: boolean;
  automatic: boolean;
  verified: boolean;
}

export interface PreparedRestore {
  /** Pass to restore-confirm; the checked copy waits in the data folder until then. */
  preparedId: string;
  contents: BackupContents;
  /** The book as it is now, for the "replace X with Y" confirmation. */
  current: { counts: Record<string, number>; shopName: string };
}

const backupSettingsChanges = z.strictObject({
  folder: localPath({ required: false }).optional(),
  automatic: z.boolean().optional(),
  keepDaily: z.int().min(1).max(366).optional(),
  keepWeekly: z.int().min(0).max(520).optional(),
  encrypt: z.boolean().optional(),
  /** Sets the passphrase automatic backups use; kept in the keychain where there is one, else for this session. */
  passphrase: passphrase.nullable().optional(),
});

export const backupContract = {
  'backup-status': handler({
    input: z.strictObject({}),
    output: returns<BackupStatus>(),
    access: 'owner',
    mutates: false,
  }),
  'backup-settings-update': handler({
    input: backupSettingsChanges,
    output: returns<BackupSettings>(),
    access: 'owner',
    mutates: true,
  }),
  /** Backs up now into the folder given (or the backup folder), verified before it answers. */
  'backup-create': handler({
    input: z.strictObject({
      folder: localPath({ required: false }).nullable().default(null),
      /** Encrypts this backup with this passphrase; null: plain, or the remembered one when encryption is on. */
      passphrase: passphrase.nullable().default(null),
    }),
    output: returns<BackupRun>(),
    access: 'owner',
    mutates: true,
  }),
  /** Backup files in a folder (default: the backup folder), newest first, from their headers. */
  'backup-list': handler({
    input: z.strictObject({ folder: localPath({ required: false }).nullable().default(null) }),
    output: returns<BackupContents[]>(),
    access: 'owner',
    mutates: false,
  }),
  /** Reads a backup's header: what it says it holds, before any passphrase. */
  'restore-read': handler({
    input: z.strictObject({ source: fileSource }),
    output: returns<BackupContents>(),
    access: 'owner',
    mutates: false,
  }),
  /** Decrypts and checks a backup completely, and counts what it really holds. */
  'restore-prepare': handler({
    input: z.strictObject({ source: fileSource, passphrase: z.string().max(1024).nullable().default(null) }),
    output: returns<PreparedRestore>(),
    access: 'owner',
    mutates: false,
  }),
  /** Saves the current book (for undo), then replaces it with the prepared backup. */
  'restore-confirm': handler({
    input: z.strictObject({ preparedId: z.string().regex(/^[0-9A-Z]{26}$/, 'invalid') }),
    output: returns<RestoreRecord>(),
    access: 'owner',
    mutates: true,
  }),
  /** Puts back the book as it was before the last restore. */
  'restore-undo': handler({
    input: z.strictObject({}),
    output: returns<RestoreRecord>(),
    access: 'owner',
    mutates: true,
  }),
} as const;
