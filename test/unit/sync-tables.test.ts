import { describe, expect, it } from 'vitest';
import { openBook } from '../../electron/core/book';
import { notReplicatedColumns, replicatedTables } from '../../electron/core/db/replicated';
import { tempDir } from '../support/core';

/**
 * Every table and column of the book is a decision for a shared book (issue 19): it travels to the
 * other devices, or it stays on this one. A new table or column fails here until it is decided.
 */
const perDevice: Readonly<Record<string, string>> = {
  audit_log: 'the audit trail is what happened on this device',
  backup_runs: 'each device backs up its own book',
  backup_settings: 'where and when this device backs up',
  customer_loyalty: 'derived',
  customer_name_grams: 'search rows, derived',
  customer_name_keys: 'search rows, derived',
  customers_fts: 'search rows, derived',
  import_runs: 'an import is undone on the device that made it; its records travel',
  loyalty_tier_history: 'derived',
  owner_secrets: "this device's owner PIN",
  restores: "this device's restores",
  sync_buckets: 'sync bookkeeping',
  sync_conflicts: 'projected from the documents on each device',
  sync_held: 'what this device could not write of what the others sent',
  sync_links: "the devices this one lets in over the shop's network",
  sync_outbox: 'sync bookkeeping',
  sync_pairings: "this device's invitations' pairing secrets",
  sync_peers: 'sync bookkeeping',
  value_model_fits: 'fitted on each device from the same facts',
  visit_month_figures: 'derived',
};

describe('what a shared book replicates', () => {
  const { db } = openBook(tempDir(), { now: () => new Date('2026-12-06T10:00:00Z') });
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'customers_fts_%'").pluck().all() as string[]).sort();
  const columnsOf = (table: string) => (db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[]).sort();

  it('decides every table: replicated, or kept on each device', () => {
    const decided = [...replicatedTables.map((table) => table.name), ...Object.keys(perDevice)].sort();
    expect(decided).toEqual(tables);
  });

  it('decides every column of a replicated table: a cell, the list owner, or derived and local', () => {
    for (const table of replicatedTables) {
      const decided = [...table.cells, ...(table.list === undefined ? [] : [table.key]), ...(notReplicatedColumns[table.name] ?? [])];
      expect([...new Set(decided)].sort(), table.name).toEqual(columnsOf(table.name));
    }
  });
});
