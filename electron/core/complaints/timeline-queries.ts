import type { Db } from '../db/connection';
import { statementsFor } from '../db/statements';
import type { DbComplaintRow } from './queries';

const statements = statementsFor((db) => ({
  before: db.prepare<{ customer: string; at: string; id: string; limit: number }, DbComplaintRow>(`
    SELECT c.*, cu.name AS customer_name, s.name AS owner_staff_name, sa.level AS satisfaction_level
    FROM complaints c
    LEFT JOIN customers cu ON cu.id = c.customer_id
    LEFT JOIN staff s ON s.id = c.owner_staff_id
    LEFT JOIN satisfaction_answers sa ON sa.id = c.satisfaction_answer_id
    WHERE c.customer_id = @customer AND (c.received_at < @at OR (c.received_at = @at AND c.id < @id))
    ORDER BY c.received_at DESC, c.id DESC LIMIT @limit`),
}));

export const customerComplaintRowsBefore = (db: Db, customerId: string, at: string, id: string, limit: number): DbComplaintRow[] =>
  statements(db).before.all({ customer: customerId, at, id, limit });
