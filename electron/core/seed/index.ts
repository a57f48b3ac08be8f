// The feature's surface: what other features may import from it (lint: boundaries/dependencies).

/** Seeding a demonstration book. */
export { seedBook } from './seed';
