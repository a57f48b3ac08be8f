import type { Db } from '../db/connection';
import { statementsFor } from '../db/statements';

/**
 * The activity summary on each customer (first/last visit, last contact, count, lifetime spend,
 * last seen), counting the visits logged here and the histories imported from another tool. A new
 * visit or contact updates it in place; archiving one recomputes that customer;
 * `rebuildAllActivity` recomputes everyone in one set-based pass (after seeding or importing).
 */
/** The earlier (later) of two instants, either of which may be missing: SQLite's min() of a NULL is NULL. */
const earlier = (a: string, b: string): string => `min(coalesce(${a}, ${b}), coalesce(${b}, ${a}))`;
const later = (a: string, b: string): string => `max(coalesce(${a}, ${b}), coalesce(${b}, ${a}))`;

/** What imported histories add to the activity summary. */
const importedOf = (where: string, key = ''): string => `
  SELECT ${key} min(first_visit_at) AS first_visit, max(last_visit_at) AS last_visit,
    coalesce(sum(visit_count), 0) AS visits, coalesce(sum(revenue_minor), 0) AS revenue
  FROM imported_histories ${where}`;

const statements = statementsFor((db) => ({
  addVisit: db.prepare<{ id: string; at: string; amount: number }>(`
    UPDATE customers SET
      first_visit_at = CASE WHEN first_visit_at IS NULL OR @at < first_visit_at THEN @at ELSE first_visit_at END,
      last_visit_at = CASE WHEN last_visit_at IS NULL OR @at > last_visit_at THEN @at ELSE last_visit_at END,
      last_seen_at = max(last_seen_at, @at),
      visit_count = visit_count + 1,
      revenue_minor = revenue_minor + @amount
    WHERE id = @id`),
  addContact: db.prepare<{ id: string; at: string }>(`
    UPDATE customers SET
      last_contact_at = CASE WHEN last_contact_at IS NULL OR @at > last_contact_at THEN @at ELSE last_contact_at END,
      last_seen_at = max(last_seen_at, @at)
    WHERE id = @id`),
  // Imported histories (another tool's summary, imported_histories) count beside the visits logged
  // here: visits and spend add up, the first visit is the earlier of the two and the last the later.
  recomputeOne: db.prepare<{ id: string }>(`
    UPDATE customers SET
      first_visit_at = ${earlier('a.first_visit', 'h.first_visit')}, last_visit_at = ${later('a.last_visit', 'h.last_visit')}, last_contact_at = a.last_contact,
      visit_count = a.visits + h.visits, revenue_minor = a.revenue + h.revenue,
      last_seen_at = max(customers.created_at, coalesce(${later('a.last_visit', 'h.last_visit')}, ''), coalesce(a.last_contact, ''))
    FROM (
      SELECT
        min(CASE WHEN kind = 'visit' THEN occurred_at END) AS first_visit,
        max(CASE WHEN kind = 'visit' THEN occurred_at END) AS last_visit,
        max(CASE WHEN kind = 'contact' THEN occurred_at END) AS last_contact,
        count(CASE WHEN kind = 'visit' THEN 1 END) AS visits,
        coalesce(sum(CASE WHEN kind = 'visit' THEN amount_minor END), 0) AS revenue
      FROM visits WHERE customer_id = @id AND archived_at IS NULL
    ) AS a, (${importedOf('WHERE customer_id = @id')}) AS h
    WHERE customers.id = @id`),
  recomputeAll: db.prepare(`
    UPDATE customers SET
      first_visit_at = ${earlier('a.first_visit', 'h.first_visit')}, last_visit_at = ${later('a.last_visit', 'h.last_visit')}, last_contact_at = a.last_contact,
      visit_count = coalesce(a.visits, 0) + coalesce(h.visits, 0), revenue_minor = coalesce(a.revenue, 0) + coalesce(h.revenue, 0),
      last_seen_at = max(customers.created_at, coalesce(${later('a.last_visit', 'h.last_visit')}, ''), coalesce(a.last_contact, ''))
    FROM (
      SELECT c.id AS customer_id,
        min(CASE WHEN v.kind = 'visit' THEN v.occurred_at END) AS first_visit,
        max(CASE WHEN v.kind = 'visit' THEN v.occurred_at END) AS last_visit,
        max(CASE WHEN v.kind = 'contact' THEN v.occurred_at END) AS last_contact,
        count(CASE WHEN v.kind = 'visit' THEN 1 END) AS visits,
        sum(CASE WHEN v.kind = 'visit' THEN v.amount_minor END) AS revenue
      FROM customers c LEFT JOIN visits v ON v.customer_id = c.id AND v.archived_at IS NULL
      GROUP BY c.id
    ) AS a LEFT JOIN (${importedOf('', 'customer_id,')} GROUP BY customer_id) AS h ON h.customer_id = a.customer_id
    WHERE customers.id = a.customer_id`),
}));

export const recordVisitActivity = (db: Db, customerId: string, at: string, amountMinor: number | null): void => {
  statements(db).addVisit.run({ id: customerId, at, amount: amountMinor ?? 0 });
};

export const recordContactActivity = (db: Db, customerId: string, at: string): void => {
  statements(db).addContact.run({ id: customerId, at });
};

export const recomputeCustomerActivity = (db: Db, customerId: string): void => {
  statements(db).recomputeOne.run({ id: customerId });
};

export const rebuildAllActivity = (db: Db): void => {
  statements(db).recomputeAll.run();
};
