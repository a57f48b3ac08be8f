import { err, ok, type Result } from '../../../shared/result';
import type { HandlerContext } from '../context';
import { getReminderRow, type DbReminderRow } from './queries';

/** The reminder, if it is still open. */
export const openReminderRow = (ctx: HandlerContext, id: string): Result<DbReminderRow> => {
  const row = getReminderRow(ctx.db, id);
  if (row === null) return err('NOT_FOUND', { entity: 'reminder', id });
  if (row.status !== 'open') return err('INVALID_STATE', { reason: 'reminder_closed' });
  return ok(row);
};
