import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const appFolderName = 'Regulars';
export const bookFileName = 'regulars.db';

/**
 * The OS user-data folder, the same one Electron's app.getPath('userData') gives, so the desktop
 * app, browser mode and the CLI all find the same book. REGULARS_DATA_DIR overrides it.
 */
export const defaultDataDir = (env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string => {
  if (env.REGULARS_DATA_DIR) return path.resolve(env.REGULARS_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), appFolderName);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', appFolderName);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), appFolderName);
};

export const bookPath = (dataDir: string): string => path.join(dataDir, bookFileName);

/**
 * Where plain exports go unless the owner picks another folder: the user's Documents (or Downloads),
 * never the backup folder — unencrypted customer lists do not belong beside the encrypted backups.
 */
export const defaultExportFolder = (home: string = os.homedir(), exists: (folder: string) => boolean = existsSync): string =>
  [path.join(home, 'Documents'), path.join(home, 'Downloads')].find(exists) ?? home;
