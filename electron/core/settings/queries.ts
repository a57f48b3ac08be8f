import type { z } from 'zod';
import { parseStoredJson } from '../../../shared/json';
import type { Db } from '../db/connection';
import { jsonList, statementsFor } from '../db/statements';

/**
 * The one store behind every setting in the book. The settings table keeps one JSON value per key;
 * each feature owns a section of it: the shop's own settings (no prefix), "complaints.", "referrals.",
 * "reminders.", "loyalty.", and the core's "state." values that are not settings at all.
 */
interface DbSettingRow {
  key: string;
  value: string;
}

const statements = statementsFor((db) => ({
  some: db.prepare<[string], DbSettingRow>('SELECT key, value FROM settings WHERE key IN (SELECT value FROM json_each(?)) ORDER BY key'),
  one: db.prepare<[string], DbSettingRow>('SELECT key, value FROM settings WHERE key = ?'),
  any: db.prepare<[], number>('SELECT 1 FROM settings LIMIT 1').pluck(),
  put: db.prepare<[string, string]>('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
}));

/** A feature's settings: their keys (prefix + field name), a schema per field, defaults, and the cross-field fallback. */
export interface SettingsSection<Fields extends z.ZodObject> {
  prefix: string;
  fields: Fields;
  /** What a book without a stored value gets (a function: some defaults follow the computer, e.g. its time zone). */
  defaults: (db: Db) => z.output<Fields>;
  /** Puts back the defaults of fields whose stored values disagree with each other (each fits its schema alone). */
  reconcile?: (settings: z.output<Fields>, defaults: z.output<Fields>) => void;
}

/**
 * The last value read for each section of each book, with the stored text it came from. Checking a
 * value (a time zone against the system's list, say) costs far more than the search that needs the
 * phone country, so a section is checked again only when its stored text or its defaults changed.
 * Comparing the text read back, rather than forgetting on write, stays right when a write is rolled back.
 */
const lastRead = new WeakMap<Db, Map<string, { stamp: string; settings: object }>>();

/** Stored values over the defaults; a stored value that no longer fits its schema falls back to its default. */
export const readSection = <Fields extends z.ZodObject>(db: Db, section: SettingsSection<Fields>): Readonly<z.output<Fields>> => {
  const fieldNames = Object.keys(section.fields.shape);
  const rows = statements(db).some.all(jsonList(fieldNames.map((name) => `${section.prefix}${name}`)));
  const defaults = section.defaults(db);
  const stamp = JSON.stringify([defaults, rows]);
  const known = lastRead.get(db)?.get(section.prefix);
  if (known?.stamp === stamp) return known.settings as z.output<Fields>;
  const stored = new Map(rows.map((row) => [row.key.slice(section.prefix.length), parseStoredJson(row.value)]));
  const settings: z.output<Fields> = { ...defaults };
  for (const name of fieldNames) {
    const parsed = section.fields.shape[name]?.safeParse(stored.get(name));
    if (parsed?.success) Object.assign(settings, { [name]: parsed.data });
  }
  section.reconcile?.(settings, defaults);
  const cache = lastRead.get(db) ?? new Map<string, { stamp: string; settings: object }>();
  cache.set(section.prefix, { stamp, settings: Object.freeze(settings) });
  lastRead.set(db, cache);
  return settings;
};

/** The last value read for each single field of each book, with the stored text it came from (as lastRead). */
const lastField = new WeakMap<Db, Map<string, { text: string; value: unknown }>>();

/**
 * One field of a section, read on its own (a hot path needs one value, e.g. every visit write the
 * shop's time zone); undefined when it is not stored or no longer fits its schema.
 */
export const readSectionField = <Fields extends z.ZodObject, Name extends keyof z.output<Fields> & string>(
  db: Db,
  section: SettingsSection<Fields>,
  name: Name,
): z.output<Fields>[Name] | undefined => {
  const key = `${section.prefix}${name}`;
  const row = statements(db).one.get(key);
  if (row === undefined) return undefined;
  // Checked again only when the stored text changed (the currency's check builds a number format: a tenth of a visit write).
  const known = lastField.get(db)?.get(key);
  if (known?.text === row.value) return known.value as z.output<Fields>[Name] | undefined;
  const parsed = section.fields.shape[name]?.safeParse(parseStoredJson(row.value));
  const value = parsed?.success ? (parsed.data as z.output<Fields>[Name]) : undefined;
  const cache = lastField.get(db) ?? new Map<string, { text: string; value: unknown }>();
  cache.set(key, { text: row.value, value });
  lastField.set(db, cache);
  return value;
};

/** Whether any field of the section was ever stored (the owner set its rules), as opposed to all defaults. */
export const isSectionStored = <Fields extends z.ZodObject>(db: Db, section: SettingsSection<Fields>): boolean =>
  statements(db).some.all(jsonList(Object.keys(section.fields.shape).map((name) => `${section.prefix}${name}`))).length > 0;

/** Stores the given fields (undefined ones are left as they are). */
export const writeSection = <Fields extends z.ZodObject>(db: Db, section: SettingsSection<Fields>, changes: Partial<z.output<Fields>>): void => {
  for (const [name, value] of Object.entries(changes)) {
    if (value !== undefined) statements(db).put.run(`${section.prefix}${name}`, JSON.stringify(value));
  }
};

/** One setting's stored text, as a device of a shared book entered it (a value picked among those entered while apart). */
export const writeStoredSetting = (db: Db, key: string, storedText: string): void => void statements(db).put.run(key, storedText);

/** A new book has no settings at all until the first start writes the shop's defaults. */
export const hasAnySettings = (db: Db): boolean => statements(db).any.get() !== undefined;

/** A value the core keeps in the book that is not a setting (e.g. who is at the counter). */
export const readStateValue = (db: Db, key: string): unknown => {
  const row = statements(db).one.get(`state.${key}`);
  return row === undefined ? undefined : parseStoredJson(row.value);
};

export const writeStateValue = (db: Db, key: string, value: unknown): void => {
  statements(db).put.run(`state.${key}`, JSON.stringify(value));
};
