import path from 'node:path';
import { backupExtension } from '../../shared/contract/backup';

/**
 * The backup file a launch was asked to open, from its command line: Windows and Linux pass the
 * file the owner double-clicked as an argument (to a first launch, or to the running app through
 * 'second-instance'). Switches and anything that is not a backup are ignored.
 */
export const backupFileIn = (argv: readonly string[]): string | null => {
  const file = argv.slice(1).find((argument) => !argument.startsWith('-') && argument.toLowerCase().endsWith(backupExtension));
  return file === undefined ? null : path.resolve(file);
};
