import { z } from 'zod';
import { handler, returns } from './define';
import { id } from './fields';

/**
 * Values entered while apart (issue 19): a field two devices gave different values before they
 * synced keeps both; the book shows one (the same on every device) and the owner picks.
 */

/** The records whose fields show such values: a customer (with their phones and tags), a complaint, staff and the shop's settings. */
export const conflictTables = ['customers', 'customer_phones', 'customer_tags', 'complaints', 'staff', 'settings'] as const;
export type ConflictTable = (typeof conflictTables)[number];

/** One entry of a phone or tag list. */
export interface ConflictListItem {
  kind: 'phone' | 'tag' | 'interest';
  text: string;
}

/** One of the values a field was given while apart. */
export interface ConflictValue {
  /** As stored: text, a number, a flag (0/1), or nothing; lists (phones, tags) as `items`. */
  value: string | number | boolean | null;
  items: ConflictListItem[] | null;
  /** The staff member the value names, for a field that names one (a customer's owning staff member). */
  namedStaff: string | null;
  deviceId: string;
  /** The device's name in the book's registry; null when it has none (shown by a short id). */
  deviceName: string | null;
  thisDevice: boolean;
  /** Who was at the counter when it was entered; null when no one was chosen or it was entered before this was recorded. */
  staffId: string | null;
  staffName: string | null;
  at: string;
  /** The value the book shows now. */
  shown: boolean;
}

export interface FieldConflict {
  table: ConflictTable;
  rowKey: string;
  /** The stored column ('notes', 'owner_staff_id'), 'rows' for a phone or tag list, 'value' for a setting. */
  column: string;
  /** The customer field, staff field or setting key it is shown as. */
  field: string;
  values: ConflictValue[];
  /** Whether a pick can make one of them the record's value here (a complaint's progress is moved by its steps, not picked). */
  pickable: boolean;
}

const conflictRecord = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('customer'), id }),
  z.strictObject({ kind: z.literal('complaint'), id }),
  /** Staff members and the shop's settings. */
  z.strictObject({ kind: z.literal('shop') }),
]);

export const conflictsContract = {
  /** A record's fields with values entered while apart; readable by whoever may read the record. */
  'sync-conflicts-of': handler({
    input: z.strictObject({ record: conflictRecord }),
    output: returns<FieldConflict[]>(),
    access: 'staff',
    mutates: false,
  }),
  /**
   * Makes one of the values the record's value: written as an ordinary edit (so it reaches the other
   * devices and supersedes both there). Who may edit the record may pick: staff and settings are the
   * owner's. `conflict_gone` when the field no longer holds that value apart (picked meanwhile, here
   * or by a sync).
   */
  'sync-conflict-pick': handler({
    input: z.strictObject({
      table: z.enum(conflictTables),
      rowKey: z.string().min(1).max(200),
      column: z.string().min(1).max(100),
      deviceId: z.string().min(1).max(100),
      at: z.string().min(1).max(40),
    }),
    output: returns<{ table: ConflictTable; rowKey: string }>(),
    access: 'staff',
    mutates: true,
  }),
} as const;
