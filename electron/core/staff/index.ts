// The feature's surface: what other features may import from it (lint: boundaries/dependencies).

/** Staff members: reading and writing them, and resolving who is at the counter. */
export { getStaff, insertStaff, listStaff, updateStaff } from './queries';
export { resolveStaffId } from './validate';
