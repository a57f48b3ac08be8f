// The feature's surface: what other features may import from it (lint: boundaries/dependencies).

/** The shop's settings and the book's stored state, through the one typed store. */
export { saveSettingsChange } from './change';
export { currentSettings, shopSettings, writeSettings } from './current';
export { isSectionStored, readSection, readSectionField, readStateValue, writeSection, writeStateValue, writeStoredSetting } from './queries';
export type { SettingsSection } from './queries';
