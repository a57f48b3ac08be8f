import { z } from 'zod';
import { handler, returns, type Role } from './define';
import { id } from './fields';

export interface SessionState {
  role: Role;
  /** The staff member at the counter: visits and changes are recorded in their name. */
  staffId: string | null;
  /** False until first-run setup has set the owner PIN: the app shows the setup screen until then. */
  ownerPinSet: boolean;
  /** Minutes without use after which an unlocked owner is locked again. */
  autoLockMinutes: number;
  /** While too many wrong PINs have been tried: when the next attempt may be made. */
  unlockRetryAt: string | null;
}

export interface AppInfo {
  version: string;
  schemaVersion: number;
  dataDir: string;
  bookFile: string;
  transport: 'electron' | 'browser';
}

export const sessionContract = {
  'session-get': handler({
    input: z.strictObject({}),
    output: returns<SessionState>(),
    access: 'staff',
    mutates: false,
  }),
  'session-set-staff': handler({
    input: z.strictObject({ staffId: id.nullable() }),
    output: returns<SessionState>(),
    access: 'staff',
    mutates: false,
  }),
  'app-info': handler({
    input: z.strictObject({}),
    output: returns<AppInfo>(),
    access: 'staff',
    mutates: false,
  }),
} as const;
