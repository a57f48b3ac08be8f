import type { Settings } from '../../../shared/contract/settings';
import type { HandlerContext } from '../context';
import { initialSettings } from './defaults';
import { readSettings } from './queries';

/**
 * Asking the system for its time zone builds an Intl formatter (a quarter of a millisecond), and
 * every search asks for the settings: the defaults are worked out again only when TZ changes.
 */
let defaults: { zoneVariable: string | undefined; settings: Settings } | null = null;
const processDefaults = (): Settings => {
  if (defaults === null || defaults.zoneVariable !== process.env.TZ) defaults = { zoneVariable: process.env.TZ, settings: initialSettings([]) };
  return defaults.settings;
};

/** The shop's settings as handlers see them (phone country, currency, time zone). */
export const currentSettings = (ctx: Pick<HandlerContext, 'db'>): Settings => readSettings(ctx.db, processDefaults());
