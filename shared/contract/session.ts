import { z } from 'zod';
import { handler, returns, type Role } from './define';
import { id } from './fields';

export interface SessionState {
  role: Role;
  /** The staff member at the counter: visits and changes are recorded in their name. */
  staffId: string | null;
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
