// The feature's surface: what other features may import from it (lint: boundaries/dependencies).

/** Files: uploads, native dialogs, staging, and refusing unusable paths. */
export { inUseElsewhere } from './in-use';
export { fileNameSafe } from './names';
export type { Keychain } from './native';
export { refusalForFsError, refuseFile, refuseFolder } from './refuse';
export type { Uploads } from './uploads';
