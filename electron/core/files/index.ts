// The feature's surface: what other features may import from it (lint: boundaries/dependencies).

/** Files: refusing unusable paths and names, the uploads and keychain types, the in-use mark. */
export { inUseElsewhere } from './in-use';
export { fileNameSafe } from './names';
export type { Keychain } from './native';
export { refusalForFsError, refuseFile, refuseFolder } from './refuse';
export type { Uploads } from './uploads';
