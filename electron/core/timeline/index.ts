// The feature's surface: what other features may import from it (lint: boundaries/dependencies).

/** A customer's timeline and the sources features add to it. */
export { decodeCursor, encodeCursor } from './sources';
export type { TimelineCursor, TimelineSource } from './sources';
