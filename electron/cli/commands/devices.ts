import { bookPath } from '../../core/paths';
import { inviteDevice, joinDevice, removeDevice } from '../../core/sync';
import { dataDirOption, parseCommand } from '../args';
import { valueOr, withCore } from '../core';
import { CliFailure } from '../output';

export const devicesHelp = `Usage: regulars devices invite|join|remove [--code CODE] [--address URL] [--device ID] [--data DIR]

Shares one customer book between devices (the counter PC, the owner's laptop).
  invite         prints one line: an invitation code for another device (the first invitation
                 makes this book a shared one). Whoever holds the code can read the book's shared
                 files; its pairing secret lets one device pair with this one on the shop's network
                 (within a day). It carries this device's address while "regulars serve" runs.
  join           makes DIR a device of the invited book; DIR must hold no customers yet. The book
                 arrives with the first "regulars sync".
  remove         on the device that serves the book: the device's link is revoked at once, its
                 connections are refused from then on
  --code CODE    the invitation code (join)
  --address URL  the address to put in the invitation, regulars://host:port (invite)
  --device ID    the device to remove (remove)`;

export const runDevices = async (argv: string[], projectRoot: string): Promise<void> => {
  const [action, ...rest] = argv;
  const { values } = parseCommand(rest, { code: { type: 'string' }, address: { type: 'string' }, device: { type: 'string' } });
  if (values.help || action === '--help' || action === '-h') return void console.log(devicesHelp);
  const dataDir = dataDirOption(values.data);
  if (action === 'invite') {
    const address = typeof values.address === 'string' && values.address !== '' ? values.address : undefined;
    await withCore(dataDir, projectRoot, async (core) => {
      console.log(inviteDevice(core.db, bookPath(dataDir), { address }));
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
  if (action === 'remove') {
    if (typeof values.device !== 'string' || values.device === '') throw new CliFailure('--device ID is required (see --help)', 2);
    const deviceId = values.device;
    await withCore(dataDir, projectRoot, async (core) => {
      const revoked = removeDevice(core.db, deviceId, new Date());
      console.log(revoked ? `removed device ${deviceId}: its link is revoked` : `removed device ${deviceId}: it had no link with this device`);
    });
    return;
  }
  throw new CliFailure(`Unknown action "${action ?? ''}": invite, join or remove (see --help)`, 2);
};
