import { customKind } from '../../../shared/reminders/kinds/custom';
import type { HandlerContext } from '../context';
import { generateReminders } from './engine';
import { obsoleteRemindersOf, refreshAssignees, reopenManualRemindersOf } from './queries';
import type { ReminderEnvironment } from './settings';

/**
 * After a write, the touched customers' reminders follow what the derived figures now say: an
 * archived customer has no open reminder; one in the book gets back the reminders people wrote
 * (the app closes those only on archiving), their assignee follows the customer's staff member,
 * and every source's reminders are made anew for them.
 */
export const remindersFollowCustomers = (
  ctx: Pick<HandlerContext, 'db' | 'now'>,
  customers: readonly { id: string; archived: boolean }[],
  environment: ReminderEnvironment,
): void => {
  const at = ctx.now().toISOString();
  const inBook: string[] = [];
  for (const customer of customers) {
    if (customer.archived) {
      obsoleteRemindersOf(ctx.db, customer.id, at);
      continue;
    }
    reopenManualRemindersOf(ctx.db, customer.id, customKind.name, at);
    refreshAssignees(ctx.db, customer.id, at);
    inBook.push(customer.id);
  }
  if (inBook.length > 0) generateReminders(ctx, { customerIds: inBook }, environment);
};
