// The feature's surface: what other features may import from it (lint: boundaries/dependencies).

/** sync */
export { readDevice } from './device';
export { inviteDevice, joinDevice } from './devices';
export type { InviteOptions } from './devices';
export { fetchBookFromPeer, syncWithPeer } from './network/client';
export type { PeerInput, PeerSyncOutcome } from './network/client';
export { removeDevice } from './network/removal';
export { startSyncListener } from './network/server';
export type { ListenerInput, SessionReport, SyncListener } from './network/server';
export { storedConflicts } from './queries';
export { fetchJoinedBook, syncThroughFolder } from './session';
export type { FolderSyncOutcome } from './session';
