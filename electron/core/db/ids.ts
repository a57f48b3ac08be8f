import { monotonicFactory } from 'ulid';

/**
 * Text ids that stay unique across devices (for the planned multi-counter replication) and sort by
 * creation time; monotonic so ids made in the same millisecond still sort in creation order.
 */
const nextUlid = monotonicFactory();

export const newId = (): string => nextUlid();
