import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { backupExtension } from '../../shared/contract/backup';
import { backupFileIn } from '../../electron/main/backup-argument';
import { defaultSize, restoreWindowState } from '../../electron/main/window-state';

const electron = vi.hoisted(() => ({ Menu: { buildFromTemplate: vi.fn((template: unknown) => template) } }));
vi.mock('electron', () => electron);
const { buildMenu } = await import('../../electron/main/menu');

const screenArea = { x: 0, y: 0, width: 1920, height: 1040 };

describe('window size and place', () => {
  it('reopens where it was when that is still on a screen', () => {
    const saved = { bounds: { x: 100, y: 80, width: 1400, height: 900 }, maximized: false };
    expect(restoreWindowState(saved, [screenArea])).toEqual(saved);
  });

  it('does not open off-screen after a monitor was unplugged', () => {
    const saved = { bounds: { x: 2400, y: 100, width: 1200, height: 800 }, maximized: true };
    expect(restoreWindowState(saved, [screenArea])).toEqual({ bounds: null, maximized: true });
  });

  it('fits a window larger than today’s screen and keeps the minimum size', () => {
    expect(restoreWindowState({ bounds: { x: 0, y: 0, width: 4000, height: 3000 }, maximized: false }, [screenArea]).bounds).toEqual({
      x: 0,
      y: 0,
      width: 1920,
      height: 1040,
    });
    expect(restoreWindowState({ bounds: { x: 0, y: 0, width: 300, height: 200 }, maximized: false }, [screenArea]).bounds).toMatchObject({ width: 800, height: 560 });
  });

  it('ignores a missing or damaged state file', () => {
    for (const saved of [null, 'garbage', { bounds: { x: 'a' } }, { bounds: null, maximized: 'yes' }]) {
      expect(restoreWindowState(saved, [screenArea])).toEqual({ bounds: null, maximized: false });
    }
    expect(defaultSize).toEqual({ width: 1200, height: 800 });
  });
});

describe('native menu', () => {
  type Item = { label?: string; accelerator?: string; role?: string; submenu?: Item[]; click?: () => void };
  const flatten = (items: Item[]): Item[] => items.flatMap((item) => [item, ...flatten(item.submenu ?? [])]);

  it('has the usual shortcuts, each sending its command', () => {
    const sent: string[] = [];
    const items = flatten(buildMenu('en', (command) => sent.push(command), false) as unknown as Item[]);
    const byAccelerator = new Map(items.filter((item) => item.accelerator).map((item) => [item.accelerator, item]));
    expect([...byAccelerator.keys()]).toEqual(expect.arrayContaining(['CmdOrCtrl+F', 'CmdOrCtrl+N', 'CmdOrCtrl+L', 'CmdOrCtrl+,']));
    for (const accelerator of ['CmdOrCtrl+F', 'CmdOrCtrl+N', 'CmdOrCtrl+L', 'CmdOrCtrl+,']) byAccelerator.get(accelerator)?.click?.();
    expect(sent).toEqual(['find', 'new-customer', 'log-visit', 'settings']);
    expect(items.some((item) => item.role === 'quit')).toBe(true);
    expect(items.some((item) => item.role === 'editMenu')).toBe(true);
  });

  it('speaks the app’s language', () => {
    const labels = (language: 'en' | 'zh-Hant' | 'zh-Hans') =>
      flatten(buildMenu(language, () => {}, false) as unknown as Item[]).map((item) => item.label).filter(Boolean);
    expect(labels('zh-Hant')).toEqual(expect.arrayContaining(['檔案', '新增客戶', '登記來店', '尋找客戶']));
    expect(labels('zh-Hans')).toEqual(expect.arrayContaining(['文件', '新建客户', '登记到店', '查找客户']));
    expect(labels('en')).toEqual(expect.arrayContaining(['File', 'New Customer', 'Log Visit', 'Find Customer']));
  });

  it('adds the application menu on macOS only', () => {
    expect((buildMenu('en', () => {}, true) as unknown as Item[])[0]).toEqual({ role: 'appMenu' });
    expect((buildMenu('en', () => {}, false) as unknown as Item[])[0]?.role).toBeUndefined();
  });
});

describe('packaging', () => {
  const config = JSON.parse(readFileSync('build/electron-builder.json', 'utf8'));

  it('is accepted by electron-builder’s own schema', async () => {
    const { validateConfiguration } = await import('app-builder-lib/out/util/config/config.js');
    const { DebugLogger } = await import('builder-util');
    const { $schema: _schema, ...withoutSchemaLink } = config;
    await expect(validateConfiguration(withoutSchemaLink, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app and builds installers for every desktop', () => {
    expect(config).toMatchObject({ appId: 'app.regulars.desktop', productName: 'Regulars' });
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.linux.desktop.entry['Name[zh_TW]']).toBe('熟客簿');
    for (const icon of ['build/icon.png', 'build/icons/256x256.png', 'build/icons/512x512.png']) expect(existsSync(icon), icon).toBe(true);
  });

  it('packs no source maps and no code cache a local run left beside the bundles (the app requires its worker as it is)', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist/worker/**', '!**/*.map', '!**/*.code-cache']));
  });

  it('flips the security fuses and never rebuilds native modules in node_modules', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(false);
    expect(config.extraResources).toEqual([{ from: '.native/package/better_sqlite3.node', to: 'native/better_sqlite3.node' }]);
  });

  it('ships the built app, not its sources', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist/main/**', 'dist/preload/**', 'dist/renderer/**', 'dist/worker/**', '!**/*.map']));
    expect(config.files.some((pattern: string) => /electron\/|renderer\/src|shared\//.test(pattern))).toBe(false);
  });

  it('registers backup files with the system, so double-clicking one opens Regulars', () => {
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: backupExtension.slice(1), name: 'Regulars backup' })]);
  });
});

describe('opening a backup file from the file manager', () => {
  it('finds the file among the arguments of a launch, and nothing else', () => {
    expect(backupFileIn(['/opt/Regulars/regulars', '/media/usb/Corner-Café-2026-11-23.regulars-backup'])).toBe('/media/usb/Corner-Café-2026-11-23.regulars-backup');
    expect(backupFileIn(['regulars.exe', '--allow-file-access', 'D:\\backups\\shop.REGULARS-BACKUP'])).toMatch(/shop\.REGULARS-BACKUP$/);
    expect(backupFileIn(['/opt/Regulars/regulars'])).toBeNull();
    expect(backupFileIn(['/opt/Regulars/regulars', '--inspect', 'notes.csv'])).toBeNull();
  });
});
