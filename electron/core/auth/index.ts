// The feature's surface: what other features may import from it (lint: boundaries/dependencies).

/** The session's state, and forgetting the owner's secrets (a PIN reset). */
export { forgetOwnerSecrets } from './reset';
export { sessionState } from './session';
