import { createHash } from 'node:crypto';

/**
 * Ids of records every device derives for itself from the same facts (a reminder for a reason, a
 * referral's earned reward): made from what the record is for, not drawn at random, so two devices of
 * a shared book that each derive it make one record, and a person's decision on it (done, given)
 * reaches the record the other device holds. 26 characters like the ids drawn at random (ULIDs),
 * which begin with their time: a derived id begins "00", so where records of one instant are put
 * in order by id it comes first, as if made before them, and never jumps ahead of what was made
 * at that instant.
 */
export const derivedId = (...parts: readonly string[]): string =>
  `00${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 24).toUpperCase()}`;
