import type { Db } from '../db/connection';
import { statementsFor } from '../db/statements';

export interface DbStandaloneAnswer {
  id: string;
  customer_id: string;
  level: number;
  answered_at: string;
  note: string;
  staff_id: string | null;
  created_at: string;
}

const statements = statementsFor((db) => ({
  insert: db.prepare<DbStandaloneAnswer>(`
    INSERT INTO satisfaction_answers (id, customer_id, level, source, visit_id, answered_at, note, staff_id, created_at)
    VALUES (@id, @customer_id, @level, 'standalone', NULL, @answered_at, @note, @staff_id, @created_at)`),
}));

export const insertStandaloneAnswer = (db: Db, answer: DbStandaloneAnswer): void => {
  statements(db).insert.run(answer);
};
