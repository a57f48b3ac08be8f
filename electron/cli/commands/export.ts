import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { exportFormats, exportKinds, type ExportFormat, type ExportKind } from '../../../shared/contract/transfer';
import { languages, type Language } from '../../../shared/locale';
import { dataDirOption, parseCommand } from '../args';
import { valueOr, withCore } from '../core';
import { CliFailure, cliLanguage, counted } from '../output';

export const exportHelp = `Usage: regulars export --what KIND --format ${exportFormats.join('|')} --out PATH [--data DIR] [--language LANG]

Exports customers, visits, complaints, referrals, reminders or everything as CSV, an Excel
workbook or JSON. The same book always gives the same bytes, so exports can be compared.
  --what KIND     ${[...exportKinds, 'all'].join(' | ')}
  --format        csv (UTF-8 with BOM, opens in Excel with Chinese intact), xlsx (an Excel
                  workbook) or json (everything in one file)
  --out PATH      the file to write; a folder for --what all as csv or xlsx (one file per table)
  --language      column headers and labels of CSV and Excel files: ${languages.join(' | ')} (default: the system's)
A kind the book has none of gives a file with the header row only.`;

const isFolder = (target: string): boolean => target.endsWith(path.sep) || target.endsWith('/') || (existsSync(target) && statSync(target).isDirectory());

export const runExportCommand = async (argv: string[], projectRoot: string): Promise<void> => {
  const { values } = parseCommand(argv, { what: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, language: { type: 'string' } });
  if (values.help) return void console.log(exportHelp);
  const what = values.what as ExportKind | 'all' | undefined;
  const format = values.format as ExportFormat | undefined;
  if (what === undefined || ![...exportKinds, 'all'].includes(what)) throw new CliFailure(`--what must be one of ${[...exportKinds, 'all'].join(', ')}`, 2);
  if (format === undefined || !exportFormats.includes(format)) throw new CliFailure(`--format must be one of ${exportFormats.join(', ')}`, 2);
  if (typeof values.out !== 'string' || values.out === '') throw new CliFailure('--out PATH is required (see --help)', 2);
  const language = (values.language ?? cliLanguage()) as Language;
  if (!languages.includes(language)) throw new CliFailure(`--language must be one of ${languages.join(', ')}`, 2);
  const out = path.resolve(values.out);
  // Every table is a file of its own in CSV and Excel, so --what all writes into a folder.
  const intoFolder = (what === 'all' && format !== 'json') || isFolder(values.out);
  await withCore(dataDirOption(values.data), projectRoot, async (core) => {
    const files = valueOr(
      await core.call('export-run', { what, format, language, folder: intoFolder ? out : path.dirname(out), fileName: intoFolder ? null : path.basename(out) }),
    );
    for (const file of files) console.log(`${file.path}: ${counted(file.rows, 'rows')}`);
  });
};
