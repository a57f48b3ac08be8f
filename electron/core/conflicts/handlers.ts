import type { FieldConflict } from '../../../shared/contract/conflicts';
import { ok } from '../../../shared/result';
import type { HandlerContext } from '../context';
import type { HandlerImpls } from '../registry';
import { readDevice } from '../sync';
import { pickConflict } from './pick';
import { toFieldConflict } from './present';
import { conflictsOfRecord, conflictsOfTable, type DbConflictRow } from './queries';

const present = (ctx: HandlerContext, rows: readonly DbConflictRow[]): FieldConflict[] => {
  if (rows.length === 0) return [];
  const thisDevice = readDevice(ctx.data.bookFile)?.deviceId ?? null;
  return rows.map((row) => toFieldConflict(ctx.db, thisDevice, row));
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
