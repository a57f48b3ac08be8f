import { copyFileSync, linkSync } from 'node:fs';

/**
 * Gives a closed book file a second name, so the first can be replaced while the old book stays
 * whole: a hard link costs nothing; where the file system has none, a copy.
 */
export const keepAside = (file: string, aside: string): void => {
  try {
    linkSync(file, aside);
  } catch {
    copyFileSync(file, aside);
  }
};
