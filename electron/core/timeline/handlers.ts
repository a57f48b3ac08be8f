import type { TimelineItem } from '../../../shared/contract/timeline';
import { err, ok } from '../../../shared/result';
import { getCustomerRow } from '../customers';
import type { HandlerImpls } from '../registry';
import { decodeCursor, encodeCursor, type TimelineSource } from './sources';

const newestFirst = (a: TimelineItem, b: TimelineItem): number =>
  a.at === b.at ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.at < b.at ? 1 : -1;

/** One timeline from every feature's source, merged newest first and paged by a (time, id) cursor. */
export const timelineHandlers = (sources: readonly TimelineSource[]): HandlerImpls => ({
  'customers-timeline': (ctx, input) => {
    if (getCustomerRow(ctx.db, input.id) === null) return err('NOT_FOUND', { entity: 'customer', id: input.id });
    const before = decodeCursor(input.before);
    if (before === null) return err('VALIDATION_FAILED', { issues: [{ path: 'before', rule: 'invalid' }] });
    const merged = sources.flatMap((source) => source(ctx.db, input.id, before, input.limit + 1)).sort(newestFirst);
    const items = merged.slice(0, input.limit);
    const last = items.at(-1);
    return ok({ items, nextCursor: merged.length > input.limit && last ? encodeCursor(last) : null });
  },
});
