// The feature's surface: what other features may import from it (lint: boundaries/dependencies).

/** Win-back: attempts, status events and the standing of lapsed customers. */
export { insertAttempt, insertStatusEvent, setLost } from './queries';
export { readStanding } from './standing';
export { noteReturnVisit, undoReturnOfVisit } from './status';
