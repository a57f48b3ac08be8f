import { ok } from '../../../shared/result';
import { recordAudit } from '../audit';
import type { HandlerImpls } from '../registry';
import { readPhonesForCountry } from '../customers';
import { rulesChangedInWorker } from '../derive';
import { currentSettings, writeSettings } from './current';

export const settingsHandlers: HandlerImpls = {
  'settings-get': (ctx) => ok(currentSettings(ctx)),
  'settings-update': async (ctx, changes) => {
    ctx.db
      .transaction(() => {
        const before = currentSettings(ctx);
        writeSettings(ctx.db, changes);
        const phonesRead = changes.country !== undefined && changes.country !== before.country ? readPhonesForCountry(ctx.db, changes.country) : 0;
        const keys = Object.keys(changes) as (keyof typeof before)[];
        recordAudit(ctx, {
          action: 'settings.update',
          entity: 'settings',
          entityId: null,
          before: Object.fromEntries(keys.map((key) => [key, before[key]])),
          after: phonesRead === 0 ? changes : { ...changes, phonesRead },
        });
      })
      .immediate();
    // The shop's zone is a basis of the lapse days, tiers and reminders: they catch up, off the counter's thread.
    const pass = await rulesChangedInWorker(ctx);
    return pass.ok ? ok(currentSettings(ctx)) : pass;
  },
};
