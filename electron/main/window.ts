import { app, BrowserWindow, screen } from 'electron';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { appOrigin } from '../../shared/security';
import { hardenContents } from './harden';
import { secureWebPreferences } from './security';
import { defaultSize, minimumSize, restoreWindowState } from './window-state';

const stateFile = () => path.join(app.getPath('userData'), 'window-state.json');

const readSavedState = (): unknown => {
  try {
    return JSON.parse(readFileSync(stateFile(), 'utf8'));
  } catch {
    return null;
  }
};

export const createMainWindow = (preloadPath: string): BrowserWindow => {
  const state = restoreWindowState(readSavedState(), screen.getAllDisplays().map((display) => display.workArea));
  const window = new BrowserWindow({
    ...(state.bounds ?? defaultSize),
    minWidth: minimumSize.width,
    minHeight: minimumSize.height,
    title: 'Regulars',
    show: false,
    webPreferences: secureWebPreferences(preloadPath),
  });
  if (state.maximized) window.maximize();
  hardenContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    try {
      writeFileSync(stateFile(), JSON.stringify({ bounds: window.getNormalBounds(), maximized: window.isMaximized() }));
    } catch {
      // Forgetting the window's place is harmless; it opens at the default size next time.
    }
  });
  void window.loadURL(`${appOrigin}/index.html`);
  return window;
};
