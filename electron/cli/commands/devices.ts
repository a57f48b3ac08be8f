import { bookPath } from '../../core/paths';
import { inviteDevice, joinDevice } from '../../core/sync';
import { dataDirOption, parseCommand } from '../args';
import { valueOr, withCore } from '../core';
import { CliFailure } from '../output';

export const devicesHelp = `Usage: regulars devices invite|join [--code CODE] [--data DIR]

Shares one customer book between devices (the counter PC, the owner's laptop).
  invite        prints one line: an invitation code for another device (the first invitation
                makes this book a shared one). Whoever holds the code can read the book's shared files.
  join          makes DIR a device of the invited book; DIR must hold no customers yet. The book
                arrives with the first "regulars sync".
  --code CODE   the invitation code`;

export const runDevices = async (argv: string[], projectRoot: string): Promise<void> => {
  const [action, ...rest] = argv;
  const { values } = parseCommand(rest, { code: { type: 'string' } });
  if (values.help || action === '--help' || action === '-h') return void console.log(devicesHelp);
  const dataDir = dataDirOption(values.data);
  if (action === 'invite') {
    await withCore(dataDir, projectRoot, async (core) => {
      console.log(inviteDevice(core.db, bookPath(dataDir)));
    });
    return;
  }
  if (action === 'join') {
    if (typeof values.code !== 'string' || values.code === '') throw new CliFailure('--code CODE is required (see --help)', 2);
    const code = values.code;
    await withCore(dataDir, projectRoot, async (core) => {
      const joined = valueOr(joinDevice(core.db, bookPath(dataDir), code));
      console.log(`joined book ${joined.bookId} as device ${joined.deviceId}; run "regulars sync" to fetch it`);
    });
    return;
  }
  throw new CliFailure(`Unknown action "${action ?? ''}": invite or join (see --help)`, 2);
};
