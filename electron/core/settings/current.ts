import { settingsShape, type Settings, type SettingsChanges } from '../../../shared/contract/settings';
import type { HandlerContext } from '../context';
import type { Db } from '../db/connection';
import { initialSettings } from './defaults';
import { readSection, writeSection, type SettingsSection } from './queries';

/**
 * Asking the system for its time zone builds an Intl formatter (a quarter of a millisecond), and
 * every search asks for the settings: the defaults are worked out again only when TZ changes.
 */
let defaults: { zoneVariable: string | undefined; settings: Settings } | null = null;
const processDefaults = (): Settings => {
  if (defaults === null || defaults.zoneVariable !== process.env.TZ) defaults = { zoneVariable: process.env.TZ, settings: initialSettings([]) };
  return defaults.settings;
};

/** The shop's own settings, stored under their bare names (the first section, older than the prefixes). */
export const shopSettings: SettingsSection<typeof settingsShape> = { prefix: '', fields: settingsShape, defaults: processDefaults };

/** The shop's settings as handlers see them (phone country, currency, time zone). */
export const currentSettings = (ctx: Pick<HandlerContext, 'db'>): Readonly<Settings> => readSection(ctx.db, shopSettings);

/** A new book's settings, as its computer suggests them (the country not yet the owner's choice). */
export const writeInitialSettings = (db: Db, settings: Settings): void => writeSection(db, shopSettings, settings);

/** Saves the owner's changes; a country saved (at setup or in Settings) is the owner's choice, not the computer's guess. */
export const writeSettings = (db: Db, changes: SettingsChanges, setup = false): void =>
  writeSection(db, shopSettings, setup || changes.country !== undefined ? { ...changes, regionConfirmed: true } : changes);

