import { bookPath } from '../../core/paths';
import { inviteDevice, joinDevice, listDevices, readDevice, removeDevice } from '../../core/sync';
import { dataDirOption, parseCommand } from '../args';
import { reasonedValueOr, withCore } from '../core';
import { CliFailure } from '../output';

export const devicesHelp = `Usage: regulars devices list|invite|join|remove [--code CODE] [--name NAME] [--address URL] [--device ID] [--data DIR]

Shares one customer book between devices (the counter PC, the owner's laptop).
  list           the book's devices, one a line: id, name, joined, removed (tab-separated)
  invite         prints one line: an invitation code for another device (the first invitation
                 makes this book a shared one). Whoever holds the code can read the book's shared
                 files; its pairing secret lets one device pair with this one on the shop's network
                 (within a day). It carries this device's address while "regulars serve" runs.
  join           makes DIR a device of the invited book; DIR must hold no customers yet. The book
                 arrives with the first "regulars sync".
  remove         run on the device that serves the book: the device's link is revoked at once (its
                 connections are refused from then on) and it is marked removed on every device
  --code CODE    the invitation code (join)
  --name NAME    what this device is called on the others (default: the computer's name)
  --address URL  the address to put in the invitation, regulars://host:port (invite)
  --device ID    the device to remove (remove)`;

export const runDevices = async (argv: string[], projectRoot: string): Promise<void> => {
  const [action, ...rest] = argv;
  const { values } = parseCommand(rest, { code: { type: 'string' }, name: { type: 'string' }, address: { type: 'string' }, device: { type: 'string' } });
  if (values.help || action === '--help' || action === '-h') return void console.log(devicesHelp);
  const dataDir = dataDirOption(values.data);
  const name = typeof values.name === 'string' && values.name.trim() !== '' ? values.name.trim() : undefined;
  if (action === 'list') {
    await withCore(dataDir, projectRoot, async (core) => {
      const here = readDevice(bookPath(dataDir));
      for (const device of listDevices(core.db, here?.deviceId ?? null)) {
        console.log([device.id, device.name, device.joinedAt, device.removedAt ?? '', device.thisDevice ? 'this device' : ''].join('\t').trimEnd());
      }
    });
    return;
  }
  if (action === 'invite') {
    const address = typeof values.address === 'string' && values.address !== '' ? values.address : undefined;
    await withCore(dataDir, projectRoot, async (core) => {
      console.log(inviteDevice(core.db, bookPath(dataDir), new Date(), name, address));
    });
    return;
  }
  if (action === 'join') {
    if (typeof values.code !== 'string' || values.code === '') throw new CliFailure('--code CODE is required (see --help)', 2);
    const code = values.code;
    await withCore(dataDir, projectRoot, async (core) => {
      const joined = reasonedValueOr(joinDevice(core.db, bookPath(dataDir), code, name));
      console.log(`joined book ${joined.bookId} as device ${joined.deviceId}; run "regulars sync" to fetch it`);
    });
    return;
  }
  if (action === 'remove') {
    if (typeof values.device !== 'string' || values.device === '') throw new CliFailure('--device ID is required (see --help)', 2);
    const deviceId = values.device;
    await withCore(dataDir, projectRoot, async (core) => {
      const removed = removeDevice(core.db, bookPath(dataDir), deviceId, new Date());
      if (!removed.linkRevoked && !removed.marked) throw new CliFailure(`no device ${deviceId} in this book (see "regulars devices list")`);
      console.log(`removed device ${deviceId}${removed.linkRevoked ? ': its link is revoked' : ''}`);
    });
    return;
  }
  throw new CliFailure(`Unknown action "${action ?? ''}": list, invite, join or remove (see --help)`, 2);
};
