import type { CustomerDetail } from '../../../shared/contract/customers';

/** The fields a person edits, without the activity summary that changes on every visit. */
export const auditedFields = (detail: CustomerDetail) => {
  const { createdAt: _c, updatedAt: _u, firstVisitAt: _f, lastVisitAt: _l, lastContactAt: _lc, visitCount: _v, revenueMinor: _r, archivedAt: _a, ...fields } = detail;
  return fields;
};

/** Only what changed, before and after, so the audit trail reads "phone: 0912… → 0933…". */
export const changedFields = <T extends Record<string, unknown>>(before: T, after: T) => {
  const changed = Object.keys(after).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
  return {
    before: Object.fromEntries(changed.map((key) => [key, before[key]])),
    after: Object.fromEntries(changed.map((key) => [key, after[key]])),
  };
};
