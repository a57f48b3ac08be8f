import type { Db } from '../db/connection';
import { writeReferrerLink } from './links';

export interface ImportedReferrerLink {
  /** The customer the import creates. */
  customerId: string;
  /** The customer the file's referrer column points at (already in the book, or created by the same import). */
  referrerId: string;
  /** When the referred customer became a customer. */
  at: string;
}

/**
 * The import's referrer links, inside the import's transaction, under the same rules as at the
 * counter; answers whether the link was written. A file that names a customer as their own
 * referrer, or two customers as each other's, keeps the first link and skips the one that would
 * close the loop rather than refusing the whole import. Rewards follow the imported visits; the
 * import regenerates every reminder once it has written everything.
 */
export const importReferrerLink = (db: Db, link: ImportedReferrerLink): boolean => {
  const written = writeReferrerLink(db, { customerId: link.customerId, referrerId: link.referrerId, referredAt: link.at, staffId: null, at: link.at });
  return written.ok;
};
