import type { Db } from '../db/connection';
import { statementsFor } from '../db/statements';

/** The reminder rules live in the shop's settings table under "reminders.<key>", beside the shop settings. */
const prefix = 'reminders.';

const statements = statementsFor((db) => ({
  all: db.prepare<[string], { key: string; value: string }>("SELECT key, value FROM settings WHERE key LIKE ? || '%'"),
  timeZone: db.prepare<[], string>("SELECT value FROM settings WHERE key = 'timeZone'").pluck(),
  put: db.prepare<[string, string]>('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
}));

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

export const readStoredReminderSettings = (db: Db): Record<string, unknown> => {
  const stored: Record<string, unknown> = {};
  for (const row of statements(db).all.all(prefix)) stored[row.key.slice(prefix.length)] = parseJson(row.value);
  return stored;
};

/** The shop's stored time zone, as JSON text; undefined before the first settings are written. */
export const readStoredTimeZone = (db: Db): unknown => {
  const text = statements(db).timeZone.get();
  return text === undefined ? undefined : parseJson(text);
};

export const writeStoredReminderSettings = (db: Db, changes: Record<string, unknown>): void => {
  for (const [key, value] of Object.entries(changes)) {
    if (value !== undefined) statements(db).put.run(`${prefix}${key}`, JSON.stringify(value));
  }
};
