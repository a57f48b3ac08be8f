// The feature's surface: what other features may import from it (lint: boundaries/dependencies).

/** sync */
export { keepDeviceSyncBookkeeping, readDeviceSyncBookkeeping } from './device-state';
export type { DeviceSyncBookkeeping } from './device-state';
export { readDevice } from './device';
export { inviteDevice, joinDevice } from './devices';
export { syncJob } from './job';
export type { SyncJobInput } from './job';
export { fetchBookFromPeer, syncWithPeer } from './network/client';
export type { PeerInput, PeerSyncOutcome } from './network/client';
export { removeDevice } from './network/removal';
export { startSyncListener } from './network/server';
export type { ListenerInput, SessionReport, SyncListener } from './network/server';
export { heldRecords, noteResolved, readRecord, storedConflicts } from './queries';
export type { HeldRecord } from './queries';
export { defaultDeviceName, deviceName, listDevices, renameDevice } from './registry';
export type { SharedDevice } from './registry';
export { serveInline, serveInThread } from './serving';
export type { ServeCommand, ServeReply, ServeRequest, Serving, ServingInput } from './serving';
export { fetchJoinedBook, syncThroughFolder } from './session';
export type { FolderSyncOutcome } from './session';
