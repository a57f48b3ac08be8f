import { countReferralsForExport, countRewardsForExport, type DbExportReferral, type DbRewardRow, exportReferralRows, exportRewardRows } from '../../referrals';
import { localDateTime } from './format';
import { defineExportTable } from './table';

/** Who brought whom, when, and who wrote it down. */
export const referralsExport = defineExportTable<DbExportReferral>({
  name: 'referrals',
  rows: (db) => exportReferralRows(db),
  count: (db) => countReferralsForExport(db),
  counts: (db) => ({ referrals: countReferralsForExport(db) }),
  json: (row) => ({
    customerId: row.customer_id,
    referrerId: row.referrer_id,
    referredAt: row.referred_at,
    staffId: row.staff_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }),
  csv: [
    { header: (w) => w.referralColumns.customerId, value: (row) => row.customer_id },
    { header: (w) => w.referralColumns.customerName, value: (row) => row.customer_name },
    { header: (w) => w.referralColumns.referrerId, value: (row) => row.referrer_id },
    { header: (w) => w.referralColumns.referrerName, value: (row) => row.referrer_name },
    { header: (w) => w.referralColumns.referredAt, value: (row, c) => localDateTime(row.referred_at, c.timeZone) },
    { header: (w) => w.referralColumns.recordedBy, value: (row) => row.staff_name ?? '' },
  ],
});

/** The rewards ledger: part of the full JSON export. */
export const referralRewardsExport = defineExportTable<DbRewardRow>({
  name: 'referralRewards',
  rows: (db) => exportRewardRows(db),
  count: (db) => countRewardsForExport(db),
  counts: () => ({}),
  json: (row) => ({
    id: row.id,
    referrerId: row.referrer_id,
    referredId: row.referred_id,
    visitId: row.visit_id,
    kind: row.kind,
    value: row.value,
    gift: row.gift,
    status: row.status,
    earnedAt: row.earned_at,
    givenAt: row.given_at,
    givenByStaffId: row.given_by_staff_id,
    voidedAt: row.voided_at,
    voidReason: row.void_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }),
  csv: null,
});
