import { app, type BrowserWindow } from 'electron';
import { backupFileIn } from './backup-argument';
import { sendToRenderer } from './rpc-bridge';

/**
 * Sends every backup file the system asks the app to open to the renderer, which offers to
 * restore it. macOS says so with 'open-file', possibly before the window exists: such a file waits
 * until the window has loaded.
 */
export const followOpenedBackups = (windowWhenReady: () => BrowserWindow | null): ((file: string | null) => void) => {
  const waiting: string[] = [];
  const offer = (file: string | null): void => {
    if (file === null) return;
    const window = windowWhenReady();
    if (window === null) waiting.push(file);
    else sendToRenderer(window, 'open-backup', { path: file });
  };
  app.on('open-file', (event, file) => {
    event.preventDefault();
    offer(file);
  });
  app.on('second-instance', (_event, argv) => offer(backupFileIn(argv)));
  app.on('browser-window-created', (_event, window) =>
    window.webContents.once('did-finish-load', () => {
      for (const file of waiting.splice(0)) sendToRenderer(window, 'open-backup', { path: file });
    }),
  );
  return offer;
};
