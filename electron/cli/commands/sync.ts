import path from 'node:path';
import { customerRecordParticipants } from '../../core/core';
import { bookPath } from '../../core/paths';
import { fetchBookFromPeer, fetchJoinedBook, readDevice, syncThroughFolder, syncWithPeer } from '../../core/sync';
import { dataDirOption, parseCommand, positiveInteger } from '../args';
import { reasonedValueOr, withCore } from '../core';
import { CliFailure } from '../output';

export const syncHelp = `Usage: regulars sync [--folder PATH | --peer URL] [--timeout SECONDS] [--data DIR]

Exchanges changes with the book's other devices, through a shared folder (a USB stick, or a folder
Dropbox, Google Drive or OneDrive keeps in step) or directly with the device that serves the book
on the shop's network ("regulars serve"), and brings this book up to date. Exits 0 when done. A
device that joined fetches the book itself on its first sync.
  --folder PATH       the shared folder: writes this device's changes there and reads the others'
  --peer URL          the serving device, regulars://host:port (as "regulars serve" prints it);
                      without --folder or --peer, the address this device last reached it at.
                      When that address no longer answers, the serving device is looked for on
                      the shop's network by its name, and the address it answers at is kept
  --timeout SECONDS   over the network: how long to wait for the serving device (default 60)`;

export const runSync = async (argv: string[], projectRoot: string): Promise<void> => {
  const { values } = parseCommand(argv, { folder: { type: 'string' }, peer: { type: 'string' }, timeout: { type: 'string' } });
  if (values.help) return void console.log(syncHelp);
  const hasFolder = typeof values.folder === 'string' && values.folder !== '';
  const hasPeer = typeof values.peer === 'string' && values.peer !== '';
  if (hasFolder && hasPeer) throw new CliFailure('--folder PATH and --peer URL cannot both be given (see --help)', 2);
  const dataDir = dataDirOption(values.data);
  const bookFile = bookPath(dataDir);
  const now = () => new Date();
  const lastPeer = readDevice(bookFile)?.peer;
  if (!hasFolder && !hasPeer && lastPeer === undefined) throw new CliFailure('one of --folder PATH or --peer URL is required: this device has no serving device\'s address (see --help)', 2);
  if (!hasFolder) {
    const peer = hasPeer ? String(values.peer) : undefined;
    const timeoutMs = positiveInteger('timeout', values.timeout, 60) * 1000;
    reasonedValueOr(await fetchBookFromPeer({ bookFile, projectRoot, peer, timeoutMs }));
    await withCore(dataDir, projectRoot, async () => {
      const outcome = reasonedValueOr(await syncWithPeer({ bookFile, projectRoot, peer, timeoutMs, participants: customerRecordParticipants, now }));
      const waiting = outcome.waiting > 0 ? `; ${outcome.waiting} records wait for another device's changes` : '';
      console.log(`synced: ${outcome.recorded} changes recorded, ${outcome.received} documents received${waiting}`);
    });
    return;
  }
  const folder = path.resolve(String(values.folder));
  reasonedValueOr(await fetchJoinedBook({ bookFile, folder, projectRoot }));
  // Opening the book brings it to this version's schema first.
  await withCore(dataDir, projectRoot, async () => {
    const outcome = reasonedValueOr(await syncThroughFolder({ bookFile, folder, projectRoot, participants: customerRecordParticipants, now }));
    const waiting = outcome.waiting > 0 ? `; ${outcome.waiting} records wait for another device's changes` : '';
    console.log(`synced: ${outcome.recorded} changes recorded, ${outcome.bundlesWritten} bundle written, ${outcome.bundlesRead} read${waiting}`);
  });
};
