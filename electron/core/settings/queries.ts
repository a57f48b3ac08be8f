import { settingsShape, type Settings } from '../../../shared/contract/settings';
import type { Db } from '../db/connection';
import { statementsFor } from '../db/statements';

interface DbSettingRow {
  key: string;
  value: string;
}

const statements = statementsFor((db) => ({
  all: db.prepare<[], DbSettingRow>('SELECT key, value FROM settings'),
  shop: db.prepare<[string], DbSettingRow>('SELECT key, value FROM settings WHERE key IN (SELECT value FROM json_each(?)) ORDER BY key'),
  get: db.prepare<[string], DbSettingRow>('SELECT key, value FROM settings WHERE key = ?'),
  put: db.prepare<[string, string]>('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
}));

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

const settingKeys = Object.keys(settingsShape.shape) as (keyof Settings)[];

/**
 * The last settings read from each book, with the stored text they came from. Checking a value
 * (a time zone against the system's list, say) costs far more than the search that needs the
 * phone country, so settings are checked again only when their stored text or the defaults
 * changed. Comparing the text read back, rather than forgetting on write, stays right when a
 * write is rolled back.
 */
const lastRead = new WeakMap<Db, { stamp: string; settings: Readonly<Settings> }>();

/** Stored values over the defaults; a value that no longer fits its schema falls back to its default. */
export const readSettings = (db: Db, defaults: Settings): Settings => {
  const rows = statements(db).shop.all(JSON.stringify(settingKeys));
  const stamp = JSON.stringify([defaults, rows]);
  const known = lastRead.get(db);
  if (known?.stamp === stamp) return known.settings;
  const stored: Record<string, unknown> = {};
  for (const row of rows) stored[row.key] = parseJson(row.value);
  const settings = { ...defaults };
  for (const key of settingKeys) {
    const parsed = settingsShape.shape[key].safeParse(stored[key]);
    if (parsed.success) Object.assign(settings, { [key]: parsed.data });
  }
  lastRead.set(db, { stamp, settings: Object.freeze(settings) });
  return settings;
};

export const writeSettings = (db: Db, changes: Partial<Settings>): void => {
  for (const [key, value] of Object.entries(changes)) {
    if (value !== undefined) statements(db).put.run(key, JSON.stringify(value));
  }
};

export const hasAnySettings = (db: Db): boolean => statements(db).all.all().length > 0;

/** A value the core keeps in the book that is not a shop setting (e.g. who is at the counter). */
export const readStateValue = (db: Db, key: string): unknown => {
  const row = statements(db).get.get(`state.${key}`);
  return row ? parseJson(row.value) : undefined;
};

export const writeStateValue = (db: Db, key: string, value: unknown): void => {
  statements(db).put.run(`state.${key}`, JSON.stringify(value));
};
