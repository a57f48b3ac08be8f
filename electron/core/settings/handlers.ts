import { ok } from '../../../shared/result';
import type { HandlerImpls } from '../registry';
import { currentSettings } from './current';
import { writeSettings } from './queries';

export const settingsHandlers: HandlerImpls = {
  'settings-get': (ctx) => ok(currentSettings(ctx)),
  'settings-update': (ctx, changes) => {
    ctx.db.transaction(() => writeSettings(ctx.db, changes)).immediate();
    return ok(currentSettings(ctx));
  },
};
