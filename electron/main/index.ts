import { app, dialog, Menu, session, type BrowserWindow } from 'electron';
import path from 'node:path';
import { describeError } from '../../shared/i18n/describe-error';
import { menuMessages } from '../../shared/i18n/menu';
import { resolveLanguage, type Language } from '../../shared/locale';
import { BookOpenError } from '../core/book';
import { coreEventNames } from '../../shared/contract/events';
import type { DueSummary } from '../../shared/contract/reminders';
import { openCore, type Core } from '../core/core';
import { currentSettings } from '../core/settings';
import { showDueNotification } from './due-notification';
import { backUpOnQuit, nativeDialogs, systemKeychain } from './data-safety';
import { hardenSession } from './harden';
import { buildMenu } from './menu';
import { backupFileIn } from './backup-argument';
import { followOpenedBackups } from './open-backup';
import { registerAppScheme, serveRenderer } from './protocol';
import { installRpcBridge, sendToRenderer } from './rpc-bridge';
import { createMainWindow } from './window';

/** Bundled to dist/main/index.cjs; the renderer and preload are built beside it. */
const distDir = path.resolve(__dirname, '..');

registerAppScheme();

const languageOf = (core: Core): Language =>
  currentSettings(core).language ?? resolveLanguage(app.getPreferredSystemLanguages());

let mainWindow: BrowserWindow | null = null;
let windowLoaded = false;

// Registered before the app is ready: macOS announces the file it was opened with that early.
const offerBackup = followOpenedBackups(() => (windowLoaded ? mainWindow : null));

const start = (): void => {
  const dataDir = process.env.REGULARS_DATA_DIR ? path.resolve(process.env.REGULARS_DATA_DIR) : app.getPath('userData');
  let core: Core;
  try {
    core = openCore({
      dataDir,
      transport: 'electron',
      authority: 'counter',
      systemLocales: app.getPreferredSystemLanguages(),
      projectRoot: app.getAppPath(),
      dailyJobs: true,
      jobWorkerFile: path.join(distDir, 'worker', 'jobs.cjs'),
      nativeDialogs: nativeDialogs(() => mainWindow),
      keychain: systemKeychain(),
      runsTheApp: true,
    });
  } catch (caught) {
    const language = resolveLanguage(app.getPreferredSystemLanguages());
    const message = caught instanceof BookOpenError ? describeError(caught.error, language) : String(caught);
    dialog.showErrorBox(menuMessages[language].errorTitle, message);
    app.quit();
    return;
  }

  serveRenderer(path.join(distDir, 'renderer'));
  hardenSession(session.defaultSession);
  const window: BrowserWindow = createMainWindow(path.join(distDir, 'preload', 'index.cjs'));
  mainWindow = window;
  installRpcBridge(core, window);
  window.webContents.once('did-finish-load', () => {
    windowLoaded = true;
    offerBackup(backupFileIn(process.argv));
  });

  const applyMenu = (): void =>
    Menu.setApplicationMenu(buildMenu(languageOf(core), (command) => sendToRenderer(window, 'menu-command', { command }), process.platform === 'darwin'));
  applyMenu();
  for (const event of coreEventNames) {
    core.events.on(event, (payload) => {
      sendToRenderer(window, event, payload);
      if ('handler' in payload && ['settings-update', 'restore-confirm', 'restore-undo'].includes(payload.handler)) applyMenu();
    });
  }

  const bringToFront = (): void => {
    if (window.isMinimized()) window.restore();
    window.focus();
  };
  const notifyDue = (summary: DueSummary): void =>
    showDueNotification(summary, languageOf(core), () => {
      bringToFront();
      sendToRenderer(window, 'menu-command', { command: 'today' });
    });
  window.once('ready-to-show', () => void core.call('reminders-due-summary', {}).then((result) => result.ok && notifyDue(result.value)));
  core.events.on('reminders-due', notifyDue);

  app.on('second-instance', bringToFront);
  app.on('window-all-closed', () => app.quit());
  backUpOnQuit(core);
  app.on('will-quit', () => core.close());
};

if (app.requestSingleInstanceLock()) {
  void app.whenReady().then(start);
} else {
  app.quit();
}
