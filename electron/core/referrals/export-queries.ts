import type { Db } from '../db/connection';
import { statementsFor } from '../db/statements';
import type { DbReferralRow, DbRewardRow } from './queries';

/** A link as the export writes it, with both names and the recorder's beside the ids. */
export interface DbExportReferral extends DbReferralRow {
  customer_name: string;
  referrer_name: string;
  staff_name: string | null;
}

const statements = statementsFor((db) => ({
  referrals: db.prepare<[], DbExportReferral>(`
    SELECT r.*, c.name AS customer_name, p.name AS referrer_name, s.name AS staff_name
    FROM referrals r JOIN customers c ON c.id = r.customer_id JOIN customers p ON p.id = r.referrer_id LEFT JOIN staff s ON s.id = r.staff_id
    ORDER BY r.customer_id`),
  referralCount: db.prepare<[], number>('SELECT count(*) FROM referrals').pluck(),
  rewards: db.prepare<[], DbRewardRow>('SELECT * FROM referral_rewards ORDER BY id'),
  rewardCount: db.prepare<[], number>('SELECT count(*) FROM referral_rewards').pluck(),
}));

export const exportReferralRows = (db: Db) => statements(db).referrals.iterate();
export const countReferralsForExport = (db: Db): number => statements(db).referralCount.get() ?? 0;
export const exportRewardRows = (db: Db) => statements(db).rewards.iterate();
export const countRewardsForExport = (db: Db): number => statements(db).rewardCount.get() ?? 0;
