// The feature's surface: what other features may import from it (lint: boundaries/dependencies).

/** The audit log: recording who did what, reading and exporting it. */
export { auditEntryCount } from './queries';
export { recordAudit } from './record';
