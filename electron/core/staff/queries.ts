import type { StaffMember } from '../../../shared/contract/staff';
import type { Db } from '../db/connection';
import { statementsFor } from '../db/statements';

interface DbStaffRow {
  id: string;
  name: string;
  active: number;
  created_at: string;
}

const statements = statementsFor((db) => ({
  list: db.prepare<[number], DbStaffRow>('SELECT * FROM staff WHERE active = 1 OR ? = 1 ORDER BY active DESC, name COLLATE NOCASE, id'),
  get: db.prepare<[string], DbStaffRow>('SELECT * FROM staff WHERE id = ?'),
  insert: db.prepare<[string, string, string]>('INSERT INTO staff (id, name, active, created_at) VALUES (?, ?, 1, ?)'),
  update: db.prepare<[string, number, string]>('UPDATE staff SET name = ?, active = ? WHERE id = ?'),
}));

const toStaff = (row: DbStaffRow): StaffMember => ({ id: row.id, name: row.name, active: row.active === 1 });

export const listStaff = (db: Db, includeInactive: boolean): StaffMember[] =>
  statements(db).list.all(includeInactive ? 1 : 0).map(toStaff);

export const getStaff = (db: Db, id: string): StaffMember | null => {
  const row = statements(db).get.get(id);
  return row ? toStaff(row) : null;
};

export const insertStaff = (db: Db, id: string, name: string, createdAt: string): void => {
  statements(db).insert.run(id, name, createdAt);
};

export const updateStaff = (db: Db, id: string, name: string, active: boolean): void => {
  statements(db).update.run(name, active ? 1 : 0, id);
};
