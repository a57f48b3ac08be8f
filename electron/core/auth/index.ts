// The feature's surface: what other features may import from it (lint: boundaries/dependencies).

/** Owner PIN, staff sign-in, the session and the idle lock. */
export { forgetOwnerSecrets } from './reset';
export { sessionState } from './session';
