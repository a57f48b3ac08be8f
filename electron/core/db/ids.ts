import { randomFillSync } from 'node:crypto';
import { monotonicFactory } from 'ulid';

/**
 * The ulid library asks the OS for one random byte per character; bulk writes (seed, import) make
 * over a million ids, so draw from a pooled buffer of the same cryptographic source instead.
 */
const pool = Buffer.alloc(4096);
let next = pool.length;
const pooledRandom = (): number => {
  if (next === pool.length) {
    randomFillSync(pool);
    next = 0;
  }
  return (pool[next++] ?? 0) / 256;
};

/**
 * Text ids that stay unique across devices (for the planned multi-counter replication) and sort by
 * creation time; monotonic so ids made in the same millisecond still sort in creation order.
 */
const nextUlid = monotonicFactory(pooledRandom);

export const newId = (): string => nextUlid();
