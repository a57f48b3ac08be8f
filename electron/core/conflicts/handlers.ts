import type { FieldConflict } from '../../../shared/contract/conflicts';
import { ok } from '../../../shared/result';
import type { HandlerContext } from '../context';
import type { HandlerImpls } from '../registry';
import { replicatedTable } from '../db/replicated';
import { readDevice, readRecord } from '../sync';
import { pickConflict } from './pick';
import { cellsOf, toFieldConflict } from './present';
import { conflictsOfRecord, conflictsOfTable, type DbConflictRow } from './queries';

/** What the field holds in the book now: a list as its stored cell (JSON), a column as its value. */
const valueNow = (ctx: HandlerContext, row: DbConflictRow): unknown => {
  const table = replicatedTable(row.tbl);
  const record = table === undefined ? null : readRecord(ctx.db, table, row.row_key);
  if (Array.isArray(record)) return JSON.stringify(record);
  return record?.[row.col];
};

const present = (ctx: HandlerContext, rows: readonly DbConflictRow[]): FieldConflict[] => {
  if (rows.length === 0) return [];
  const thisDevice = readDevice(ctx.data.bookFile)?.deviceId ?? null;
  // A field edited here since holds none of the values: that edit supersedes them all at the next sync.
  return rows.flatMap((row) => {
    const now = valueNow(ctx, row);
    return cellsOf(row).some((cell) => cell.value === now) ? [toFieldConflict(ctx.db, thisDevice, row, now)] : [];
  });
};

export const conflictsHandlers: HandlerImpls = {
  'sync-conflicts-of': (ctx, { record }) => {
    switch (record.kind) {
      case 'customer':
        return ok(present(ctx, ['customers', 'customer_phones', 'customer_tags'].flatMap((table) => conflictsOfRecord(ctx.db, table, record.id))));
      case 'complaint':
        return ok(present(ctx, conflictsOfRecord(ctx.db, 'complaints', record.id)));
      case 'shop':
        return ok(present(ctx, [...conflictsOfTable(ctx.db, 'staff'), ...conflictsOfTable(ctx.db, 'settings')]));
    }
  },
  'sync-conflict-pick': (ctx, input) => pickConflict(ctx, input),
};
