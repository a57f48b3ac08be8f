import { checkBook } from '../../core/check';
import { dataDirOption, parseCommand } from '../args';
import { CliFailure, counted } from '../output';

export const checkHelp = `Usage: regulars check [--data DIR]

Opens the customer book read-only and checks it: SQLite integrity, foreign keys, schema version,
search index. Prints "sound" and exits 0 only if everything passes; otherwise lists the problems
and exits 1.`;

export const runCheck = (argv: string[], projectRoot: string): void => {
  const { values } = parseCommand(argv, {});
  if (values.help) return void console.log(checkHelp);
  const dataDir = dataDirOption(values.data);
  const health = checkBook(dataDir, projectRoot);
  if (!health.sound) throw new CliFailure(`Book in ${dataDir} is NOT sound:\n  ${health.problems.join('\n  ')}`);
  console.log(`sound: ${counted(health.counts.customers, 'customers')}, ${counted(health.counts.visits, 'visits')}, schema ${health.schemaVersion} (${dataDir})`);
};
