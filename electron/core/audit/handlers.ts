import type { AuditFilters } from '../../../shared/contract/audit';
import { err, ok } from '../../../shared/result';
import { addDays, localDay, startOfLocalDay } from '../../../shared/time';
import type { HandlerContext } from '../context';
import type { HandlerImpls } from '../registry';
import { currentSettings } from '../settings';
import { listStaff } from '../staff';
import { decodeCursor, encodeCursor, type TimelineCursor } from '../timeline';
import { auditCsv } from './csv';
import { toAuditEntry } from './present';
import { auditActions, auditEntities, auditRows, iterateAuditRows, type AuditQuery } from './queries';
import { recordAudit } from './record';

/** Shop-local days become UTC instants: "from 1 March" starts at the shop's midnight, "to" includes its whole day. */
const toQuery = (ctx: HandlerContext, filters: AuditFilters, before: TimelineCursor | null): AuditQuery => {
  const zone = currentSettings(ctx).timeZone;
  return {
    action: filters.action,
    entity: filters.entity,
    entityId: filters.entityId,
    staffId: filters.staffId,
    fromAt: filters.from === null ? null : startOfLocalDay(filters.from, zone),
    toAt: filters.to === null ? null : startOfLocalDay(addDays(filters.to, 1), zone),
    before,
  };
};

export const auditHandlers: HandlerImpls = {
  'audit-list': (ctx, input) => {
    const before = input.before === null ? null : decodeCursor(input.before);
    if (input.before !== null && before === null) return err('VALIDATION_FAILED', { issues: [{ path: 'before', rule: 'invalid' }] });
    const rows = auditRows(ctx.db, toQuery(ctx, input, before), input.limit + 1);
    const entries = rows.slice(0, input.limit).map(toAuditEntry);
    const last = entries.at(-1);
    return ok({ entries, nextCursor: rows.length > input.limit && last ? encodeCursor(last) : null });
  },
  'audit-facets': (ctx) => ok({ actions: auditActions(ctx.db), entities: auditEntities(ctx.db) }),
  'audit-export': (ctx, input) => {
    const settings = currentSettings(ctx);
    const { language, ...filters } = input;
    const rows = iterateAuditRows(ctx.db, toQuery(ctx, filters, null));
    const entries = (function* () {
      for (const row of rows) yield toAuditEntry(row);
    })();
    const staffNames = new Map(listStaff(ctx.db, true).map((member) => [member.id, member.name]));
    const { csv, rows: count } = auditCsv(entries, { language, timeZone: settings.timeZone, currency: settings.currency, staffName: (id) => staffNames.get(id) });
    // Taking the trail out of the shop is itself part of the trail.
    recordAudit(ctx, { action: 'audit.export', entity: 'audit', entityId: null, after: { rows: count, ...filters } });
    return ok({ fileName: `regulars-audit-${localDay(ctx.now(), settings.timeZone)}.csv`, csv, rows: count });
  },
};
