import type { CellScalar, CellValue } from '../../../shared/sync/cells';
import { recordAudit } from '../audit';
import type { Db } from '../db/connection';
import type { ReplicatedTable } from '../db/replicated';
import { getStaff } from '../staff';

type Kind = 'create' | 'update' | 'delete';

interface Arrival {
  entity: string;
  entityId: string | null;
  kind: Kind;
  /** The change that decided the entry: its device and staff are named. */
  cell: CellValue;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** The audit trail's record types, as its screen names them; a customer's lists are the customer's. */
const entityOf: Readonly<Record<string, string>> = {
  staff: 'staff',
  settings: 'settings',
  customers: 'customer',
  customer_merges: 'customer',
  customer_phones: 'customer',
  customer_tags: 'customer',
  imported_histories: 'import',
  visits: 'visit',
  satisfaction_answers: 'satisfaction',
  customer_status_events: 'status_change',
  complaints: 'complaint',
  complaint_promises: 'complaint',
  complaint_transitions: 'complaint',
  reminders: 'reminder',
  win_back_attempts: 'win_back_attempt',
  referrals: 'referral',
  referral_rewards: 'referral_reward',
};

/** Made by every device from the same facts: one arriving made is no news; people's decisions on them are. */
const madeOnEachDevice = new Set(['reminders', 'referral_rewards']);

/**
 * Their columns each device works out from the facts and rules: when two devices derived on
 * different days or under other rules (a zone not yet caught up), a sync brings a difference in
 * these, and it is no one's decision. What people decide — a reminder done, dismissed, snoozed or
 * noted, a reward given, taken back or void — is what the audit trail keeps.
 */
const madeFromFacts: Readonly<Record<string, ReadonlySet<string>>> = {
  reminders: new Set(['due_day', 'facts_json', 'assignee_id']),
  referral_rewards: new Set(['earned_at', 'visit_id', 'kind', 'value', 'gift']),
};

/** A column as the audit trail names its fields (occurred_at → occurredAt), so they read labelled, money as money. */
const fieldName = (column: string): string => column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** A record's columns as audit fields, less those the table makes from the facts; null stays null. */
const asFields = (table: ReplicatedTable, record: Record<string, unknown> | null): Record<string, unknown> | null => {
  if (record === null) return null;
  const made = madeFromFacts[table.name];
  return Object.fromEntries(Object.entries(record).flatMap(([column, value]) => (made?.has(column) ? [] : [[fieldName(column), value]])));
};

/** The field a list is shown as in the audit trail. */
export const listField = (table: ReplicatedTable): string => (table.name === 'customer_phones' ? 'phones' : 'tags');

/** The most recent of these cells: the change that made a record what it is now. */
export const latestOf = (cells: readonly CellValue[]): CellValue | undefined =>
  cells.reduce<CellValue | undefined>((latest, cell) => (latest === undefined || cell.at > latest.at ? cell : latest), undefined);

const subjectOf = (table: ReplicatedTable, rowKey: string, record: Readonly<Record<string, CellScalar>> | null): { entity: string; entityId: string | null } | null => {
  const entity = entityOf[table.name];
  if (entity === undefined) return null;
  // A complaint's steps and promises belong to it; a merge to the customer kept.
  if (table.name === 'complaint_promises' || table.name === 'complaint_transitions') return { entity, entityId: typeof record?.complaint_id === 'string' ? record.complaint_id : null };
  if (table.name === 'customer_merges') return { entity, entityId: typeof record?.survivor_id === 'string' ? record.survivor_id : null };
  return { entity, entityId: rowKey };
};

/** The staff member who wrote a cell, when this book knows them (a staff member deleted here is named by no one). */
export const staffOf = (db: Db, cell: CellValue): string | null => (cell.staff !== null && getStaff(db, cell.staff) !== null ? cell.staff : null);

/**
 * What a sync wrote that came from other devices, gathered while projecting and written to the
 * audit trail once at the end: one entry per record (a customer with their phones and tags, a
 * complaint with its steps), naming the device and the staff member of the latest change to it.
 * Only a shared book's sync writes these: a book never shared never gets here.
 */
export class Arrivals {
  private readonly entries = new Map<string, Arrival>();

  constructor(private readonly thisDevice: string) {}

  note(
    table: ReplicatedTable,
    rowKey: string,
    record: Readonly<Record<string, CellScalar>> | null,
    kind: Kind,
    cell: CellValue,
    before: Record<string, unknown> | null,
    after: Record<string, unknown> | null,
  ): void {
    if (cell.device === this.thisDevice || (kind === 'create' && madeOnEachDevice.has(table.name))) return;
    const subject = subjectOf(table, rowKey, record);
    if (subject === null) return;
    before = asFields(table, before);
    after = asFields(table, after);
    // A made record that changed only where each device works it out.
    if (kind === 'update' && madeOnEachDevice.has(table.name) && Object.keys(after ?? {}).length === 0) return;
    const key = `${subject.entity}/${subject.entityId ?? rowKey}`;
    const known = this.entries.get(key);
    if (known === undefined) {
      this.entries.set(key, { ...subject, kind, cell, before, after });
      return;
    }
    // A record's lists or steps after the record itself: one entry, the record's kind, the latest change's author.
    known.before = known.before === null && before === null ? null : { ...before, ...known.before };
    known.after = known.after === null && after === null ? null : { ...after, ...known.after };
    if (cell.at > known.cell.at) known.cell = cell;
  }

  record(db: Db, now: () => Date): void {
    for (const { entity, entityId, kind, cell, before, after } of this.entries.values()) {
      recordAudit({ db, now, session: { role: 'system', staffId: staffOf(db, cell) } }, { action: `sync.${kind}`, entity, entityId, before, after, deviceId: cell.device });
    }
  }
}
