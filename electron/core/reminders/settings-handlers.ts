import { reminderSettingsShape, type ReminderSettings } from '../../../shared/contract/reminders';
import { err, ok } from '../../../shared/result';
import { toFieldIssues } from '../../../shared/validation';
import { recordAudit } from '../audit/record';
import { inTransaction } from '../db/transaction';
import { rebuildAllLapse } from '../lapse/derive';
import type { HandlerImpls } from '../registry';
import { generateReminders } from './engine';
import { lapseContextOf } from './hooks';
import { readReminderSettings, reminderEnvironment, writeReminderSettings } from './settings';

const lapseKeys: readonly (keyof ReminderSettings)[] = ['lapseMultiplier', 'lapseMinDays', 'lapseMaxDays', 'lapseMinVisits', 'lapseFallbackDays'];

export const reminderSettingsHandlers: HandlerImpls = {
  'reminders-settings-get': (ctx) => ok(readReminderSettings(ctx.db)),
  /** Owner only. Every open reminder follows the new rules at once; done and dismissed ones stay as they were. */
  'reminders-settings-update': (ctx, changes) =>
    inTransaction(ctx.db, () => {
      const before = readReminderSettings(ctx.db);
      const merged = reminderSettingsShape.safeParse({ ...before, ...changes });
      if (!merged.success) return err('VALIDATION_FAILED', { issues: toFieldIssues(merged.error, changes) });
      const changedKeys = (Object.keys(changes) as (keyof ReminderSettings)[]).filter((key) => changes[key] !== undefined && before[key] !== merged.data[key]);
      if (changedKeys.length === 0) return ok(before);
      writeReminderSettings(ctx.db, Object.fromEntries(changedKeys.map((key) => [key, merged.data[key]])));
      recordAudit(ctx, {
        action: 'reminder_settings.update',
        entity: 'settings',
        entityId: null,
        before: Object.fromEntries(changedKeys.map((key) => [key, before[key]])),
        after: Object.fromEntries(changedKeys.map((key) => [key, merged.data[key]])),
      });
      const environment = reminderEnvironment(ctx.db);
      if (changedKeys.some((key) => lapseKeys.includes(key))) rebuildAllLapse(ctx.db, lapseContextOf(environment), { rhythms: false });
      generateReminders(ctx, {}, environment);
      return ok(readReminderSettings(ctx.db));
    }),
};
