import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultExportFolder } from '../../electron/core/paths';
import { callOk, freshCore, tempDir } from '../support/core';

describe('where plain exports go by default', () => {
  it('is the user’s Documents, else Downloads, else their home folder', () => {
    const home = tempDir();
    expect(defaultExportFolder(home)).toBe(home);
    mkdirSync(path.join(home, 'Downloads'));
    expect(defaultExportFolder(home)).toBe(path.join(home, 'Downloads'));
    mkdirSync(path.join(home, 'Documents'));
    expect(defaultExportFolder(home)).toBe(path.join(home, 'Documents'));
  });

  it('is never the backup folder, once one is set', async () => {
    const core = freshCore();
    const backups = tempDir();
    await callOk(core, 'backup-settings-update', { folder: backups });
    const status = await callOk(core, 'backup-status', {});
    expect(status.settings.folder).toBe(backups);
    expect(status.defaultExportFolder).toBe(defaultExportFolder());
    expect(path.relative(backups, status.defaultExportFolder).startsWith('..')).toBe(true);
  });
});
