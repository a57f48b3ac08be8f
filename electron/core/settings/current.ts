import type { Settings } from '../../../shared/contract/settings';
import type { HandlerContext } from '../context';
import { initialSettings } from './defaults';
import { readSettings } from './queries';

/** The shop's settings as handlers see them (phone country, currency, time zone). */
export const currentSettings = (ctx: Pick<HandlerContext, 'db'>): Settings => readSettings(ctx.db, initialSettings([]));
