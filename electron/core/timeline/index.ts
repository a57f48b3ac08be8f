// The feature's surface: what other features may import from it (lint: boundaries/dependencies).

/** A customer's timeline: the source seam features add to it, and its cursor. */
export { decodeCursor, encodeCursor } from './sources';
export type { TimelineCursor, TimelineSource } from './sources';
