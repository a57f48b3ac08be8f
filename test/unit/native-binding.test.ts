import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBindingDirName, selectNativeBinding } from '../../electron/core/db/native-binding';

const base = { projectRoot: '/src/regulars', platform: 'linux', arch: 'x64' };

describe('choosing the SQLite native module', () => {
  it('lets better-sqlite3 load its own Node build under Node (tests, CLI, browser mode)', () => {
    expect(selectNativeBinding({ ...base, electronVersion: undefined, packagedResourcesPath: undefined })).toBeUndefined();
  });

  it('uses the Electron build beside the Node one when Electron runs from a checkout', () => {
    expect(selectNativeBinding({ ...base, electronVersion: '45.4.1', packagedResourcesPath: undefined })).toBe(
      path.join('/src/regulars', '.native', 'electron-v45.4.1-linux-x64', 'better_sqlite3.node'),
    );
  });

  it('uses the copy shipped in the resources of a packaged app', () => {
    expect(selectNativeBinding({ ...base, electronVersion: '45.4.1', packagedResourcesPath: '/opt/Regulars/resources' })).toBe(
      path.join('/opt/Regulars/resources', 'native', 'better_sqlite3.node'),
    );
  });

  it('keeps builds for different Electron versions and machines apart', () => {
    expect(electronBindingDirName('45.4.1', 'darwin', 'arm64')).not.toBe(electronBindingDirName('45.4.1', 'linux', 'x64'));
    expect(electronBindingDirName('46.0.0', 'linux', 'x64')).not.toBe(electronBindingDirName('45.4.1', 'linux', 'x64'));
  });
});
