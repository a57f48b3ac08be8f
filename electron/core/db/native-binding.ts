import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * better-sqlite3 is a native module: the copy `npm install` builds works under Node (tests, CLI,
 * browser mode) but not under Electron, whose ABI differs. The Electron flavour is built beside it
 * (build/scripts/native-electron.mjs) and chosen here at run time, so nobody rebuilds back and forth.
 */
export interface BindingEnvironment {
  /** process.versions.electron; undefined under plain Node. */
  electronVersion: string | undefined;
  /** process.resourcesPath in a packaged app; undefined when running from a checkout. */
  packagedResourcesPath: string | undefined;
  projectRoot: string;
  platform: string;
  arch: string;
}

export const electronBindingDirName = (electronVersion: string, platform: string, arch: string): string =>
  `electron-v${electronVersion}-${platform}-${arch}`;

/** The .node file to load, or undefined to let better-sqlite3 find its own Node build. */
export const selectNativeBinding = (env: BindingEnvironment): string | undefined => {
  if (env.electronVersion === undefined) return undefined;
  if (env.packagedResourcesPath !== undefined) return path.join(env.packagedResourcesPath, 'native', 'better_sqlite3.node');
  return path.join(
    env.projectRoot,
    '.native',
    electronBindingDirName(env.electronVersion, env.platform, env.arch),
    'better_sqlite3.node',
  );
};

export class MissingNativeBindingError extends Error {
  constructor(readonly bindingPath: string) {
    super(`The SQLite module for Electron is missing at ${bindingPath}. Run "npm start" once to build it.`);
  }
}

/** What Electron adds to `process`; absent under Node. */
type ElectronProcess = NodeJS.Process & { defaultApp?: boolean; resourcesPath?: string };

/** The binding the parent thread loaded, once a worker thread was told it; null until then. */
let toldByParent: { binding: string | undefined } | null = null;

/**
 * A worker thread loads the same binding as the thread that started it. Electron gives worker
 * threads no `process.resourcesPath`, so a worker in a packaged app could not find it on its own.
 */
export const adoptParentBinding = (binding: string | undefined): void => {
  toldByParent = { binding };
};

export const nativeBindingForThisProcess = (projectRoot: string): string | undefined => {
  if (toldByParent !== null) return toldByParent.binding;
  const electronProcess: ElectronProcess = process;
  const packaged = process.versions.electron !== undefined && electronProcess.defaultApp !== true;
  const selected = selectNativeBinding({
    electronVersion: process.versions.electron,
    packagedResourcesPath: packaged ? electronProcess.resourcesPath : undefined,
    projectRoot,
    platform: process.platform,
    arch: process.arch,
  });
  if (selected !== undefined && !existsSync(selected)) throw new MissingNativeBindingError(selected);
  return selected;
};
