import path from 'node:path';
import { BookOpenError } from '../core/book';
import { backupHelp, runBackup } from './commands/backup';
import { checkHelp, runCheck } from './commands/check';
import { devicesHelp, runDevices } from './commands/devices';
import { resetPinHelp, runResetPin } from './commands/reset-pin';
import { exportHelp, runExportCommand } from './commands/export';
import { importHelp, runImport } from './commands/import';
import { restoreHelp, runRestore } from './commands/restore';
import { runSeed, seedHelp } from './commands/seed';
import { runServe, serveHelp } from './commands/serve';
import { runSync, syncHelp } from './commands/sync';
import { CliFailure, failWith } from './output';

/** Bundled to dist/cli/index.cjs; the project root is two folders up. */
const projectRoot = path.resolve(__dirname, '..', '..');

const commands: Record<string, { run: (argv: string[], projectRoot: string) => void | Promise<void>; help: string }> = {
  seed: { run: runSeed, help: seedHelp },
  check: { run: runCheck, help: checkHelp },
  'reset-pin': { run: runResetPin, help: resetPinHelp },
  backup: { run: runBackup, help: backupHelp },
  restore: { run: runRestore, help: restoreHelp },
  export: { run: runExportCommand, help: exportHelp },
  import: { run: runImport, help: importHelp },
  devices: { run: runDevices, help: devicesHelp },
  sync: { run: runSync, help: syncHelp },
  serve: { run: runServe, help: serveHelp },
};

const usage = `Usage: regulars <command> [options]   (from a checkout: npm run cli -- <command> [options])

Commands:
${Object.entries(commands)
  .map(([name, command]) => `  ${name.padEnd(10)} ${command.help.split('\n')[2] ?? ''}`)
  .join('\n')}

Every command takes --data DIR (default: the app's own data folder, or $REGULARS_DATA_DIR) and --help.`;

const main = async (argv: string[]): Promise<number> => {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage);
    return 0;
  }
  const command = commands[name];
  if (command === undefined) {
    console.error(`Unknown command "${name}".\n\n${usage}`);
    return 2;
  }
  try {
    await command.run(rest, projectRoot);
    return 0;
  } catch (caught) {
    const failure = caught instanceof BookOpenError ? failWith(caught.error) : caught;
    if (failure instanceof CliFailure) {
      console.error(failure.message);
      return failure.exitCode;
    }
    console.error(`Regulars failed unexpectedly: ${(caught as Error)?.message ?? String(caught)}`);
    return 1;
  }
};

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
