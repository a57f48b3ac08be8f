import type { ReferrerLinkWriter } from '../transfer/import/seams';
import { writeReferrerLink } from './links';

/**
 * The import's referrer links, under the same rules as at the counter. A file that names a customer
 * as their own referrer, or two customers as each other's, keeps the first link and skips the one
 * that would close the loop rather than refusing the whole import. Rewards follow the imported visits;
 * the import regenerates every reminder once it has written everything.
 */
export const importReferrerLink: ReferrerLinkWriter = (db, link) => {
  const written = writeReferrerLink(db, { customerId: link.customerId, referrerId: link.referrerId, referredAt: link.at, staffId: null, at: link.at });
  return written.ok;
};
