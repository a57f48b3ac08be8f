import { reminderSettingsShape, type ReminderSettings } from '../../../shared/contract/reminders';
import { err, ok } from '../../../shared/result';
import { toFieldIssues } from '../../../shared/validation';
import { recordAudit } from '../audit';
import { inTransaction } from '../db/transaction';
import type { HandlerImpls } from '../registry';
import { rulesChangedInWorker } from '../derive';
import { readReminderSettings, writeReminderSettings } from './settings';

export const reminderSettingsHandlers: HandlerImpls = {
  'reminders-settings-get': (ctx) => ok(readReminderSettings(ctx.db)),
  /** Owner only. Every open reminder follows the new rules at once; done and dismissed ones stay as they were. */
  'reminders-settings-update': async (ctx, changes) => {
    let changed = false;
    const saved = inTransaction(ctx.db, () => {
      const before = readReminderSettings(ctx.db);
      const merged = reminderSettingsShape.safeParse({ ...before, ...changes });
      if (!merged.success) return err('VALIDATION_FAILED', { issues: toFieldIssues(merged.error, changes) });
      const changedKeys = (Object.keys(changes) as (keyof ReminderSettings)[]).filter((key) => changes[key] !== undefined && before[key] !== merged.data[key]);
      if (changedKeys.length === 0) return ok(before);
      changed = true;
      writeReminderSettings(ctx.db, Object.fromEntries(changedKeys.map((key) => [key, merged.data[key]])));
      recordAudit(ctx, {
        action: 'reminder_settings.update',
        entity: 'settings',
        entityId: null,
        before: Object.fromEntries(changedKeys.map((key) => [key, before[key]])),
        after: Object.fromEntries(changedKeys.map((key) => [key, merged.data[key]])),
      });
      return ok(readReminderSettings(ctx.db));
    });
    if (!saved.ok || !changed) return saved;
    // The lapse rules are a basis of the lapse days (and the tiers after them): those are rebuilt, off the counter's thread.
    const pass = await rulesChangedInWorker(ctx);
    return pass.ok ? saved : pass;
  },
};
