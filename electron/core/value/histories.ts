import type { VisitDaysHistory } from '../../../shared/loyalty/value-model/customer-value';
import type { Db } from '../db/connection';
import { localDayNumber, offsetStretchesCovering } from './local-days';
import { importedSummaries, valueCustomers, visitDays, visitSpan, type ValueScope } from './queries';

export interface CustomerHistory {
  customerId: string;
  /** The customer's visit count when read: the fit's writes check it has not moved. */
  visitCount: number;
  /** Null for a customer with nothing to go on: no visit logged or brought in. */
  history: VisitDaysHistory | null;
}

/**
 * Each customer's visit days in the value model's terms: distinct shop-local days with a visit (at
 * most one purchase a day), beside any history brought from another tool, whose visit count, first
 * and last visit and total are taken as they were summed up there (its visits on days of their own).
 */
export const readHistories = (db: Db, zone: string, now: Date, scope: ValueScope): CustomerHistory[] => {
  const today = localDayNumber(now.toISOString(), zone);
  const span = visitSpan(db);
  const stretches = offsetStretchesCovering(zone, Date.parse(span.first_at ?? now.toISOString()), Math.max(now.getTime(), Date.parse(span.last_at ?? now.toISOString())));
  const logged = new Map(visitDays(db, stretches, scope).map((row) => [row.customer_id, row]));
  const imported = new Map(importedSummaries(db, scope).map((row) => [row.customer_id, row]));
  return valueCustomers(db, scope).map(({ id, visit_count }) => {
    const own = logged.get(id);
    const brought = imported.get(id);
    const broughtFirst = brought?.first_at ? localDayNumber(brought.first_at, zone) : null;
    const broughtLast = brought?.last_at ? localDayNumber(brought.last_at, zone) : null;
    // A summary without dates cannot be placed in time: it is left out rather than guessed.
    const broughtDays = broughtFirst === null ? 0 : (brought?.visit_count ?? 0);
    const days = (own?.days ?? 0) + broughtDays;
    const firsts = [own?.first_day, broughtDays > 0 ? broughtFirst : null].filter((day): day is number => typeof day === 'number');
    const lasts = [own?.last_day, broughtDays > 0 ? broughtLast : null].filter((day): day is number => typeof day === 'number');
    if (days === 0 || firsts.length === 0) return { customerId: id, visitCount: visit_count, history: null };
    const first = Math.min(...firsts);
    const repeatDays = days - 1;
    const lastDay = repeatDays === 0 ? 0 : Math.max(...lasts) - first;
    const revenue = (own?.revenue_minor ?? 0) + (broughtDays > 0 ? (brought?.revenue_minor ?? 0) : 0);
    return {
      customerId: id,
      visitCount: visit_count,
      history: { repeatDays, lastDay, observedDays: Math.max(today - first, lastDay), meanSpendMinor: revenue / days },
    };
  });
};
