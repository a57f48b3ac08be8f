import type { Db } from '../db/connection';
import { statementsFor } from '../db/statements';

/** The reward rules live in the shop's settings table under "referrals.<key>", beside the shop settings. */
const prefix = 'referrals.';

const statements = statementsFor((db) => ({
  all: db.prepare<[string], { key: string; value: string }>("SELECT key, value FROM settings WHERE key LIKE ? || '%'"),
  put: db.prepare<[string, string]>('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
}));

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

export const readStoredReferralRules = (db: Db): Record<string, unknown> => {
  const stored: Record<string, unknown> = {};
  for (const row of statements(db).all.all(prefix)) stored[row.key.slice(prefix.length)] = parseJson(row.value);
  return stored;
};

export const writeStoredReferralRules = (db: Db, changes: Record<string, unknown>): void => {
  for (const [key, value] of Object.entries(changes)) {
    if (value !== undefined) statements(db).put.run(`${prefix}${key}`, JSON.stringify(value));
  }
};
