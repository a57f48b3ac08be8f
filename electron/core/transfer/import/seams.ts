import type { Db } from '../../db/connection';
import { importReferrerLink } from '../../referrals/import-writer';

export interface ReferrerLink {
  /** The customer the import creates. */
  customerId: string;
  /** The customer the file's referrer column points at (already in the book, or created by the same import). */
  referrerId: string;
  /** When the referred customer became a customer. */
  at: string;
}

/**
 * Writes a "referred by" link, inside the import's transaction (so it commits or rolls back with
 * the import), and answers whether it was written. The referrals feature plugs its writer in here
 * (electron/core/referrals/import-writer.ts) — it decides the rules (no self referral, no cycles;
 * a refused link is skipped); the import resolves the referrer column to the right customer (by
 * phone, else by name) and calls it once per imported customer that has one.
 *
 * Without a writer (null), the import keeps the referrer in the customer's notes
 * ("Referred by: 王小明") and marks the customer as having come by referral.
 */
export type ReferrerLinkWriter = (db: Db, link: ReferrerLink) => boolean;

export const referrerLinkWriter: ReferrerLinkWriter | null = importReferrerLink;
