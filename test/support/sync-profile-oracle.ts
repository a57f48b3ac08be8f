import { expect } from 'vitest';
import type { Core } from '../../electron/core/core';
import { replicatedTable } from '../../electron/core/db/replicated';

/**
 * The campaign's oracle for lost edits of a customer's profile (issue 19). Agreement alone passes a
 * book where every device lost the same edit; this holds each field to the edits that should stand.
 *
 * An edit is made where a device changed a field: it is noted when the device next syncs — what the
 * capture sends then is the field as it is, where it differs from what the device showed after its
 * last sync, so two writes between syncs are one edit (the later) and a write taken back before the
 * sync is none; an owner's pick is an edit even where it keeps the value shown (it is sent all the
 * same). A device has seen its own edits and, at each sync, every edit in the bundles it reads; it
 * then writes a bundle of all it has seen (its own and those it relays) — the folder sync's order,
 * record → read the others' bundles → write its own. An edit is overwritten when a later edit of the
 * same field of the same customer was made on a device that had seen it. At the end, every device
 * must show one of the edits not overwritten (the original value where there is none), and every
 * other one with a different value must be listed as a value entered apart for that field.
 *
 * Merges: the survivor's fields the merge form changed, and those its undo puts back, are edits of
 * the device that made them, noted like any other at its next sync. The absorbed customer is held
 * once back (the merge undone): a merge and its undo are no edits of theirs — they come back with
 * the edits people made to them, those made apart while the merge stood elsewhere too. Where a device
 * brings them back itself, what it shows right after the undo is what it edits from, unless they
 * were already here at its last sync (then the merge and the undo between two syncs changed nothing
 * of theirs, and the edits before the merge are made at that sync). Skipped: customers deleted for
 * good (no fields left to hold).
 */

type Value = string | number | null;

interface Edit {
  id: number;
  customer: string;
  /** `<table>/<column>`, as the values entered apart are listed (`rows` for a phone or label list). */
  field: string;
  value: Value;
  /** The edits the device had seen when it made this one. */
  seen: ReadonlySet<number>;
}

/** The fields the campaign's edits write (the form, the quick note, the owner's pick). */
const scalarFields = ['name', 'email', 'notes', 'owner_staff_id'] as const;
const listTables = ['customer_phones', 'customer_tags'] as const;

/** A customer's fields as this device shows them, each as its cell holds it; null where the customer is not here. */
const fieldsOf = (core: Core, customerId: string): Map<string, Value> | null => {
  const row = core.db.prepare(`SELECT ${scalarFields.join(', ')} FROM customers WHERE id = ?`).get(customerId) as Record<string, Value> | undefined;
  if (row === undefined) return null;
  const fields = new Map<string, Value>(scalarFields.map((column) => [`customers/${column}`, row[column] ?? null]));
  for (const name of listTables) {
    const table = replicatedTable(name)!;
    const rows = core.db.prepare(`SELECT ${table.cells.join(', ')} FROM ${name} WHERE customer_id = ? ORDER BY ${table.list!.order}`).raw().all(customerId);
    fields.set(`${name}/rows`, JSON.stringify(rows));
  }
  return fields;
};

export class ProfileOracle {
  private readonly edits: Edit[] = [];
  private readonly seen: Set<number>[];
  /** What each device has written to the folder: all it had seen when it last synced. */
  private readonly published: Set<number>[];
  /** Each device's fields as its last sync left them: the capture's "before". */
  private readonly shown: Map<string, Map<string, Value>>[];
  /** Each device's customers as they were before its latest merge since its last sync. */
  private readonly beforeMerge: Map<string, Map<string, Value>>[];
  /** Fields the owner picked on each device since its last sync. */
  private readonly picked: Set<string>[];
  private readonly original: Map<string, Map<string, Value>>;

  constructor(
    private readonly cores: readonly Core[],
    private readonly customers: readonly string[],
  ) {
    this.seen = cores.map(() => new Set());
    this.published = cores.map(() => new Set());
    this.picked = cores.map(() => new Set());
    this.beforeMerge = cores.map(() => new Map());
    this.shown = cores.map((core) => this.fieldsHere(core));
    this.original = this.shown[0]!;
  }

  private fieldsHere(core: Core): Map<string, Map<string, Value>> {
    return new Map(this.customers.flatMap((customer) => {
      const fields = fieldsOf(core, customer);
      return fields === null ? [] : [[customer, fields] as const];
    }));
  }

  /** The owner picked one of the values entered apart for this field on this device (the pick was taken). */
  notePick(device: number, table: string, customer: string, column: string): void {
    this.picked[device]!.add(`${customer}|${table}/${column}`);
  }

  /**
   * This device is about to merge customers: the absorbed one's fields as they are now are what the
   * merge sends of them at the next sync (their edits since the last one), though they are gone then.
   */
  noteMerge(device: number): void {
    for (const [customer, fields] of this.fieldsHere(this.cores[device]!)) this.beforeMerge[device]!.set(customer, fields);
  }

  /**
   * This device undid a merge (it was taken): the absorbed customer is back here. Absent at the last
   * sync, they are edited from what the undo shows (the capture sends what differs from the documents).
   */
  noteUndo(device: number): void {
    const shown = this.shown[device]!;
    for (const [customer, fields] of this.fieldsHere(this.cores[device]!)) if (!shown.has(customer)) shown.set(customer, fields);
  }

  /** One folder sync of a device: its edits are made, then it reads every other device's bundles and writes its own. */
  async sync(device: number, run: () => Promise<unknown>): Promise<void> {
    const seen = this.seen[device]!;
    // A customer this device merged away since its last sync: as the merge took them.
    const here = new Map([...this.beforeMerge[device]!].filter(([customer]) => this.shown[device]!.has(customer)));
    for (const [customer, fields] of this.fieldsHere(this.cores[device]!)) here.set(customer, fields);
    this.beforeMerge[device]!.clear();
    for (const [customer, fields] of here) {
      const before = this.shown[device]!.get(customer);
      if (before === undefined) continue;
      for (const [field, value] of fields) {
        if (before.get(field) === value && !this.picked[device]!.has(`${customer}|${field}`)) continue;
        const edit = { id: this.edits.length, customer, field, value, seen: new Set(seen) };
        this.edits.push(edit);
        seen.add(edit.id);
      }
    }
    this.picked[device]!.clear();
    await run();
    for (const [other, published] of this.published.entries()) if (other !== device) for (const id of published) seen.add(id);
    this.published[device] = new Set(seen);
    this.shown[device] = this.fieldsHere(this.cores[device]!);
  }

  /** Once every device holds the same book: each field shows an edit that stands, and lists the others that stand apart. */
  check(): void {
    const core = this.cores[0]!;
    const kept = new Map<string, Value[]>();
    for (const conflict of core.db.prepare('SELECT tbl, row_key, col, values_json FROM sync_conflicts').all() as { tbl: string; row_key: string; col: string; values_json: string }[]) {
      kept.set(`${conflict.row_key}|${conflict.tbl}/${conflict.col}`, (JSON.parse(conflict.values_json) as { value: Value }[]).map((cell) => cell.value));
    }
    for (const customer of this.customers) {
      const fields = fieldsOf(core, customer);
      if (fields === null) continue;
      for (const [field, value] of fields) {
        const ofField = this.edits.filter((edit) => edit.customer === customer && edit.field === field);
        const standing = ofField.filter((edit) => !ofField.some((later) => later.seen.has(edit.id)));
        const where = `${customer} ${field}`;
        if (standing.length === 0) {
          expect(value, `${where}: no edit, yet not the original`).toEqual(this.original.get(customer)?.get(field));
          continue;
        }
        expect(standing.map((edit) => edit.value), `${where}: the value shown is no edit that stands`).toContain(value);
        const apart = standing.filter((edit) => edit.value !== value).map((edit) => edit.value);
        const listed = kept.get(`${customer}|${field}`) ?? [];
        for (const other of apart) expect(listed, `${where}: an edit that stands is not kept apart`).toContain(other);
      }
    }
  }
}
