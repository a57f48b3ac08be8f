import type { CustomerDetail } from '../../../shared/contract/customers';
import { err, ok, type Result } from '../../../shared/result';
import { foldForSearch } from '../../../shared/text';
import { localDay } from '../../../shared/time';
import { recordAudit } from '../audit';
import type { HandlerContext } from '../context';
import { newId } from '../db/ids';
import { inTransaction } from '../db/transaction';
import type { HandlerImpls } from '../registry';
import { afterWrite } from '../derive';
import { shopTimeZone } from '../reminders';
import { currentSettings } from '../settings';
import { findDuplicates } from './duplicates';
import { countListed, pageListed } from './list-queries';
import { toListRows } from './present';
import { getCustomerRow, insertCustomer, setCustomerArchived } from './queries';
import { searchCustomers } from './search';
import { auditedFields } from './audited-fields';
import { checkOwnerStaff } from './owner-staff';
import { customerParts, toCustomerWrite, writeCustomerParts } from './write';
import { detailOrMissing, editCustomer } from './edit';

const setArchived = (ctx: HandlerContext, id: string, archived: boolean): Result<CustomerDetail> =>
  inTransaction(ctx.db, () => {
    const row = getCustomerRow(ctx.db, id);
    if (row === null) return err('NOT_FOUND', { entity: 'customer', id });
    if ((row.archived_at !== null) === archived) {
      return err('INVALID_STATE', { reason: archived ? 'already_archived' : 'not_archived' });
    }
    const now = ctx.now().toISOString();
    setCustomerArchived(ctx.db, id, archived ? now : null, now);
    afterWrite(ctx, { customerIds: [id] });
    recordAudit(ctx, { action: archived ? 'customer.archive' : 'customer.unarchive', entity: 'customer', entityId: id });
    return detailOrMissing(ctx, id);
  });

export const customersHandlers: HandlerImpls = {
  'customers-create': (ctx, fields) =>
    inTransaction(ctx.db, () => {
      const staffCheck = checkOwnerStaff(ctx, fields);
      if (!staffCheck.ok) return staffCheck;
      const id = newId();
      const now = ctx.now().toISOString();
      const parts = customerParts(fields, currentSettings(ctx).country);
      const rid = insertCustomer(ctx.db, toCustomerWrite(id, fields, parts, now, now));
      writeCustomerParts(ctx.db, id, rid, parts);
      afterWrite(ctx, { customerIds: [id] });
      const created = detailOrMissing(ctx, id);
      if (created.ok) recordAudit(ctx, { action: 'customer.create', entity: 'customer', entityId: id, after: auditedFields(created.value) });
      return created;
    }),
  'customers-update': (ctx, { id, fields }) => editCustomer(ctx, id, fields),
  'customers-archive': (ctx, { id }) => setArchived(ctx, id, true),
  'customers-unarchive': (ctx, { id }) => setArchived(ctx, id, false),
  'customers-get': (ctx, { id }) => detailOrMissing(ctx, id),
  'customers-search': (ctx, input) =>
    ok(searchCustomers(ctx.db, input.query, { includeArchived: input.includeArchived, limit: input.limit, shopCountry: currentSettings(ctx).country })),
  'customers-list': (ctx, input) => {
    // Spend and tiers are money: the owner's, as on the profile.
    if ((input.sort === 'spend' || input.tier !== null) && ctx.session.role !== 'owner') return err('FORBIDDEN', { required: 'owner' });
    const filter = {
      includeArchived: input.includeArchived,
      tagKey: foldForSearch(input.tag),
      lapse: input.lapse,
      tier: input.tier,
      today: localDay(ctx.now(), shopTimeZone(ctx.db)),
    };
    return ok({ total: countListed(ctx.db, filter), rows: toListRows(ctx.db, pageListed(ctx.db, filter, input.sort, input.limit, input.offset), ctx.session.role) });
  },
  'customers-find-duplicates': (ctx, input) => ok(findDuplicates(ctx.db, input, currentSettings(ctx).country)),
};
