import { ok } from '../../../shared/result';
import { recordAudit } from '../audit';
import type { HandlerImpls } from '../registry';
import { afterRulesChanged } from '../derive';
import { currentSettings, writeSettings } from './current';

export const settingsHandlers: HandlerImpls = {
  'settings-get': (ctx) => ok(currentSettings(ctx)),
  'settings-update': (ctx, changes) => {
    ctx.db
      .transaction(() => {
        const before = currentSettings(ctx);
        writeSettings(ctx.db, changes);
        const keys = Object.keys(changes) as (keyof typeof before)[];
        recordAudit(ctx, {
          action: 'settings.update',
          entity: 'settings',
          entityId: null,
          before: Object.fromEntries(keys.map((key) => [key, before[key]])),
          after: changes,
        });
        afterRulesChanged(ctx);
      })
      .immediate();
    return ok(currentSettings(ctx));
  },
};
