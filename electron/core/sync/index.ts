// The feature's surface: what other features may import from it (lint: boundaries/dependencies).

/** sync */
export { readDevice } from './device';
export { inviteDevice, joinDevice } from './devices';
export { noteResolved, readRecord, storedConflicts } from './queries';
export { defaultDeviceName, deviceName, listDevices, markDeviceRemoved, renameDevice } from './registry';
export type { SharedDevice } from './registry';
export { fetchJoinedBook, syncThroughFolder } from './session';
export type { FolderSyncOutcome } from './session';
