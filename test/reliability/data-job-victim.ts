/**
 * The victim of the kill-during-data-work test: opens the book through the real core, says
 * "start", runs one import, restore or backup through the handlers, says "done". The parent
 * kills it with SIGKILL at a random moment in between.
 */
import { writeSync } from 'node:fs';
import { openCore } from '../../electron/core/core';
import { expectOk, importPlanOf } from '../support/result';

const [dataDir = '', operation = '', target = ''] = process.argv.slice(2);
const say = (line: string) => writeSync(1, `${line}\n`);

const run = async (): Promise<void> => {
  const core = openCore({ dataDir, transport: 'browser', authority: 'owner', systemLocales: ['zh-TW'] });
  say('start');
  if (operation === 'import') {
    const source = { kind: 'path' as const, path: target };
    expectOk(await core.call('import-commit', importPlanOf(source, expectOk(await core.call('import-analyse', { source })))));
  } else if (operation === 'restore') {
    const prepared = expectOk(await core.call('restore-prepare', { source: { kind: 'path', path: target }, passphrase: null }));
    expectOk(await core.call('restore-confirm', { preparedId: prepared.preparedId }));
  } else if (operation === 'backup') {
    expectOk(await core.call('backup-create', { folder: target }));
  } else {
    throw new Error(`unknown operation ${operation}`);
  }
  say('done');
  core.close();
};

void run().catch((caught: unknown) => {
  process.stderr.write(`${String(caught)}\n`);
  process.exit(1);
});
