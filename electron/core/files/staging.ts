import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

/** Where uploads, snapshots and prepared restores wait: inside the data folder, on the book's own disk. */
export const stagingDirOf = (dataDir: string): string => path.join(dataDir, '.staging');

const dayMs = 86_400_000;

/**
 * Removes what an earlier run left behind. Only files a day old: another Regulars process (the
 * command line while the app runs) may be using the staging area right now.
 */
export const clearOldStaging = (stagingDir: string, now: number): void => {
  if (!existsSync(stagingDir)) return;
  for (const name of readdirSync(stagingDir)) {
    const entry = path.join(stagingDir, name);
    try {
      if (now - statSync(entry).mtimeMs > dayMs) rmSync(entry, { recursive: true, force: true });
    } catch {
      // Gone already, or in use elsewhere: either way not ours to clear now.
    }
  }
};
