import type { SettingsChanges } from '../../../shared/contract/settings';
import { recordAudit } from '../audit';
import type { HandlerContext } from '../context';
import { readPhonesForCountry } from '../customers';
import { currentSettings, writeSettings } from './current';

/**
 * Writes the shop's settings as the owner changed them — in Settings, or in the first-run setup,
 * which asks the region — with the audit entry of what each was before. Phones are read again for a
 * new country. Runs in the caller's transaction; the figures the zone and rules are a basis of
 * catch up once it has committed (derive's rulesChangedInWorker), whoever made the change.
 */
export const saveSettingsChange = (ctx: HandlerContext, changes: SettingsChanges, setup = false): void => {
  const before = currentSettings(ctx);
  writeSettings(ctx.db, changes, setup);
  const phonesRead = changes.country !== undefined && changes.country !== before.country ? readPhonesForCountry(ctx.db, changes.country) : 0;
  const keys = Object.keys(changes) as (keyof typeof before)[];
  recordAudit(ctx, {
    action: 'settings.update',
    entity: 'settings',
    entityId: null,
    before: Object.fromEntries(keys.map((key) => [key, before[key]])),
    after: phonesRead === 0 ? changes : { ...changes, phonesRead },
  });
};
