import path from 'node:path';
import { customerRecordParticipants } from '../../core/core';
import { bookPath } from '../../core/paths';
import { fetchJoinedBook, syncThroughFolder } from '../../core/sync';
import { dataDirOption, parseCommand } from '../args';
import { valueOr, withCore } from '../core';
import { CliFailure } from '../output';

export const syncHelp = `Usage: regulars sync --folder PATH [--data DIR]

Exchanges changes with the book's other devices through a shared folder (a USB stick, or a folder
Dropbox, Google Drive or OneDrive keeps in step): writes this device's changes there, reads the
others', and brings this book up to date. Exits 0 when done. A device that joined fetches the
book itself on its first sync.
  --folder PATH   the shared folder`;

export const runSync = async (argv: string[], projectRoot: string): Promise<void> => {
  const { values } = parseCommand(argv, { folder: { type: 'string' } });
  if (values.help) return void console.log(syncHelp);
  if (typeof values.folder !== 'string' || values.folder === '') throw new CliFailure('--folder PATH is required (see --help)', 2);
  const folder = path.resolve(values.folder);
  const dataDir = dataDirOption(values.data);
  const bookFile = bookPath(dataDir);
  valueOr(await fetchJoinedBook({ bookFile, folder, projectRoot }));
  // Opening the book brings it to this version's schema first.
  await withCore(dataDir, projectRoot, async () => {
    const outcome = valueOr(await syncThroughFolder({ bookFile, folder, projectRoot, participants: customerRecordParticipants, now: () => new Date() }));
    const waiting = outcome.waiting > 0 ? `; ${outcome.waiting} records wait for another device's changes` : '';
    console.log(`synced: ${outcome.recorded} changes recorded, ${outcome.bundlesWritten} bundle written, ${outcome.bundlesRead} read${waiting}`);
  });
};
