// The feature's surface: what other features may import from it (lint: boundaries/dependencies).

/** The audit log: recording who did what, in the caller's transaction. */
export { auditEntryCount } from './queries';
export { recordAudit } from './record';
