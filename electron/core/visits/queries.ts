import type { Db } from '../db/connection';
import { statementsFor } from '../db/statements';

export interface DbVisitRow {
  id: string;
  customer_id: string | null;
  customer_name: string | null;
  kind: 'visit' | 'contact';
  occurred_at: string;
  amount_minor: number | null;
  channel: string;
  items: string;
  note: string;
  satisfaction: number | null;
  staff_id: string | null;
  staff_name: string | null;
  archived_at: string | null;
}

export interface VisitWrite {
  id: string;
  customer_id: string | null;
  kind: 'visit' | 'contact';
  occurred_at: string;
  amount_minor: number | null;
  channel: string;
  items: string;
  note: string;
  staff_id: string | null;
  created_at: string;
}

const visitColumns = `
  v.id, v.customer_id, c.name AS customer_name, v.kind, v.occurred_at, v.amount_minor, v.channel, v.items, v.note,
  s.level AS satisfaction, v.staff_id, st.name AS staff_name, v.archived_at
  FROM visits v
  LEFT JOIN customers c ON c.id = v.customer_id
  LEFT JOIN staff st ON st.id = v.staff_id
  LEFT JOIN satisfaction_answers s ON s.visit_id = v.id`;

const statements = statementsFor((db) => ({
  insert: db.prepare<VisitWrite>(`
    INSERT INTO visits (id, customer_id, kind, occurred_at, amount_minor, channel, items, note, staff_id, created_at)
    VALUES (@id, @customer_id, @kind, @occurred_at, @amount_minor, @channel, @items, @note, @staff_id, @created_at)`),
  insertSatisfaction: db.prepare<[string, string | null, number, string, string, string | null, string]>(`
    INSERT INTO satisfaction_answers (id, customer_id, level, source, visit_id, answered_at, staff_id, created_at)
    VALUES (?, ?, ?, 'visit', ?, ?, ?, ?)`),
  get: db.prepare<[string], DbVisitRow>(`SELECT ${visitColumns} WHERE v.id = ?`),
  archive: db.prepare<[string, string]>('UPDATE visits SET archived_at = ? WHERE id = ?'),
  unarchive: db.prepare<[string]>('UPDATE visits SET archived_at = NULL WHERE id = ?'),
  delete: db.prepare<[string]>('DELETE FROM visits WHERE id = ?'),
  archived: db.prepare<[number, number], DbVisitRow>(
    `SELECT ${visitColumns} WHERE v.archived_at IS NOT NULL ORDER BY v.archived_at DESC, v.id DESC LIMIT ? OFFSET ?`,
  ),
  countArchived: db.prepare<[], number>('SELECT count(*) FROM visits WHERE archived_at IS NOT NULL').pluck(),
  recent: db.prepare<[number], DbVisitRow>(`SELECT ${visitColumns} WHERE v.archived_at IS NULL ORDER BY v.occurred_at DESC, v.id DESC LIMIT ?`),
  forCustomerBefore: db.prepare<[string, string, string, string, number], DbVisitRow>(`
    SELECT ${visitColumns}
    WHERE v.customer_id = ? AND v.archived_at IS NULL AND (v.occurred_at < ? OR (v.occurred_at = ? AND v.id < ?))
    ORDER BY v.occurred_at DESC, v.id DESC LIMIT ?`),
}));

export const insertVisit = (db: Db, row: VisitWrite): void => {
  statements(db).insert.run(row);
};

export const insertVisitSatisfaction = (
  db: Db,
  answer: { id: string; customerId: string | null; level: number; visitId: string; answeredAt: string; staffId: string | null; createdAt: string },
): void => {
  statements(db).insertSatisfaction.run(answer.id, answer.customerId, answer.level, answer.visitId, answer.answeredAt, answer.staffId, answer.createdAt);
};

export const getVisitRow = (db: Db, id: string): DbVisitRow | null => statements(db).get.get(id) ?? null;

export const archiveVisit = (db: Db, id: string, archivedAt: string): void => {
  statements(db).archive.run(archivedAt, id);
};

export const unarchiveVisit = (db: Db, id: string): void => {
  statements(db).unarchive.run(id);
};

/** Deletes a visit for good; its satisfaction answer goes with it (ON DELETE CASCADE). */
export const deleteVisit = (db: Db, id: string): void => {
  statements(db).delete.run(id);
};

/** Archived visits and contacts, most recently archived first. */
export const archivedVisitRows = (db: Db, limit: number, offset: number): DbVisitRow[] => statements(db).archived.all(limit, offset);

export const countArchivedVisits = (db: Db): number => statements(db).countArchived.get() ?? 0;

export const recentVisitRows = (db: Db, limit: number): DbVisitRow[] => statements(db).recent.all(limit);

/** One customer's visits and contacts, newest first, strictly older than (at, id). */
export const customerVisitRowsBefore = (db: Db, customerId: string, at: string, id: string, limit: number): DbVisitRow[] =>
  statements(db).forCustomerBefore.all(customerId, at, at, id, limit);
