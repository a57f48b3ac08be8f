import { ok } from '../../../shared/result';
import type { HandlerImpls } from '../registry';
import { rulesChangedInWorker } from '../derive';
import { saveSettingsChange } from './change';
import { currentSettings } from './current';

export const settingsHandlers: HandlerImpls = {
  'settings-get': (ctx) => ok(currentSettings(ctx)),
  'settings-update': async (ctx, changes) => {
    ctx.db.transaction(() => saveSettingsChange(ctx, changes)).immediate();
    // The shop's zone is a basis of the lapse days, tiers and reminders: they catch up, off the counter's thread.
    const pass = await rulesChangedInWorker(ctx);
    return pass.ok ? ok(currentSettings(ctx)) : pass;
  },
};
