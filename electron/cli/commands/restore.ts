import path from 'node:path';
import { inUseElsewhere } from '../../core/files';
import { dataDirOption, parseCommand } from '../args';
import { valueOr, withCore } from '../core';
import { CliFailure } from '../output';
import { passphraseFor } from '../passphrase';
import { formatCounts } from './describe';

export const restoreHelp = `Usage: regulars restore --from FILE [--data DIR]

Replaces the customer book with a backup; the current book is saved first, for undo.
The whole file is checked first (and decrypted: passphrase from REGULARS_PASSPHRASE or asked in
the terminal). The current book
is backed up first into DIR/restore-undo/, so the restore can be undone. A backup made by a newer
version of Regulars is refused. Close the Regulars app on this book first.`;

export const runRestore = async (argv: string[], projectRoot: string): Promise<void> => {
  const { values } = parseCommand(argv, { from: { type: 'string' } });
  if (values.help) return void console.log(restoreHelp);
  if (typeof values.from !== 'string' || values.from === '') throw new CliFailure('--from FILE is required (see --help)', 2);
  const dataDir = dataDirOption(values.data);
  if (inUseElsewhere(dataDir)) throw new CliFailure(`Regulars is open on the book in ${dataDir}; close it before restoring from the command line.`);
  const source = { kind: 'path' as const, path: path.resolve(values.from) };
  await withCore(dataDir, projectRoot, async (core) => {
    const header = valueOr(await core.call('restore-read', { source }));
    const passphrase = header.encrypted ? await passphraseFor('restore') : null;
    const prepared = valueOr(await core.call('restore-prepare', { source, passphrase }));
    const { contents } = prepared;
    console.log(`checked ${contents.fileName}: made ${contents.createdAt} by Regulars ${contents.appVersion}${contents.shopName ? ` for ${contents.shopName}` : ''}; holds ${formatCounts(contents.counts)}`);
    const restored = valueOr(await core.call('restore-confirm', { preparedId: prepared.preparedId }));
    console.log(`restored into ${dataDir} (was: ${formatCounts(prepared.current.counts)})`);
    console.log(`to undo, restore the book saved just before: ${restored.undoFile}`);
  });
};
