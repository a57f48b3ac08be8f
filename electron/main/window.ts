import { BrowserWindow } from 'electron';
import { appOrigin } from '../../shared/security';
import { hardenContents } from './harden';
import { secureWebPreferences } from './security';

export const createMainWindow = (preloadPath: string): BrowserWindow => {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 800,
    minHeight: 560,
    title: 'Regulars',
    show: false,
    webPreferences: secureWebPreferences(preloadPath),
  });
  hardenContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${appOrigin}/index.html`);
  return window;
};
