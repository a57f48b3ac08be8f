import { app, dialog, safeStorage, type BrowserWindow, type OpenDialogOptions } from 'electron';
import type { NativePickPurpose } from '../../shared/contract/files';
import type { NativeDialogs } from '../core/context';
import type { Core } from '../core/core';
import type { Keychain } from '../core/files';

/** The system's own open-file and choose-folder dialogs for backups, restores and imports. */
export const nativeDialogs = (window: () => BrowserWindow | null): NativeDialogs => ({
  pick: async (purpose: NativePickPurpose) => {
    const options: OpenDialogOptions =
      purpose === 'folder'
        ? { properties: ['openDirectory', 'createDirectory'] }
        : {
            properties: ['openFile'],
            filters: purpose === 'import' ? [{ name: 'CSV', extensions: ['csv', 'txt', 'tsv'] }] : [{ name: 'Regulars backup', extensions: ['regulars-backup'] }],
          };
    const parent = window();
    const chosen = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
  },
});

/** The OS keychain (Keychain, DPAPI, libsecret) where Electron can reach one. */
export const systemKeychain = (): Keychain | undefined =>
  safeStorage.isEncryptionAvailable()
    ? {
        seal: (secret) => safeStorage.encryptString(secret).toString('base64'),
        unseal: (sealed) => {
          try {
            return safeStorage.decryptString(Buffer.from(sealed, 'base64'));
          } catch {
            return null;
          }
        },
      }
    : undefined;

/** Quitting waits for the automatic end-of-day backup (only when the book changed since the last one). */
export const backUpOnQuit = (core: Core): void => {
  let backedUp = false;
  app.on('before-quit', (event) => {
    if (backedUp) return;
    event.preventDefault();
    backedUp = true;
    void core.backUpBeforeQuit().finally(() => app.quit());
  });
};
