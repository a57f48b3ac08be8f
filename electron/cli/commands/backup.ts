import path from 'node:path';
import { backupExtension } from '../../../shared/contract/backup';
import { dataDirOption, parseCommand } from '../args';
import { valueOr, withCore } from '../core';
import { CliFailure } from '../output';
import { passphraseFor } from '../passphrase';
import { formatCounts, megabytes } from './describe';

export const backupHelp = `Usage: regulars backup --out DIR [--data DIR] [--encrypt]

Backs the customer book up into a folder, checked before it is reported, optionally encrypted.
The copy is made by SQLite's online backup and written as one ${backupExtension} file.
  --out DIR     the folder to write the backup into (a USB stick, a synced folder…)
  --encrypt     encrypt it with a passphrase (AES-256-GCM, scrypt); the passphrase comes from
                REGULARS_PASSPHRASE, or is asked twice in the terminal`;

export const runBackup = async (argv: string[], projectRoot: string): Promise<void> => {
  const { values } = parseCommand(argv, { out: { type: 'string' }, encrypt: { type: 'boolean' } });
  if (values.help) return void console.log(backupHelp);
  if (typeof values.out !== 'string' || values.out === '') throw new CliFailure('--out DIR is required (see --help)', 2);
  const passphrase = values.encrypt ? await passphraseFor('backup') : null;
  if (passphrase !== null && passphrase.length < 8) throw new CliFailure('The passphrase must be at least 8 characters.', 2);
  const dataDir = dataDirOption(values.data);
  await withCore(dataDir, projectRoot, async (core) => {
    const started = performance.now();
    const run = valueOr(await core.backups.backUp('command_line', { folder: path.resolve(values.out as string), passphrase }));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`backed up and verified: ${run.file} (${megabytes(run.sizeBytes)}, ${run.encrypted ? 'encrypted' : 'not encrypted'}; ${formatCounts(run.counts)}) in ${seconds} s`);
  });
};
