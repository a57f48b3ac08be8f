// The feature's surface: what other features may import from it (lint: boundaries/dependencies).

/** Staff members: reading, validating and managing them. */
export { getStaff, insertStaff, listStaff } from './queries';
export { resolveStaffId } from './validate';
