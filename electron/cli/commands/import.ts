import path from 'node:path';
import { importDelimiters, importEncodings, type ImportDelimiter, type ImportEncoding, type ImportRowIssue } from '../../../shared/contract/transfer';
import { fill } from '../../../shared/i18n/messages';
import { transferMessages } from '../../../shared/i18n/transfer';
import { dataDirOption, parseCommand } from '../args';
import { valueOr, withCore } from '../core';
import { CliFailure, cliLanguage } from '../output';

export const importHelp = `Usage: regulars import --file FILE [--data DIR] [--dry-run] [--skip-invalid] [--country XX] [--sheet NAME] [--encoding ENC] [--delimiter D]

Imports customers (and their visits, or the history a POS summed up) from a CSV or text file, an
Excel workbook (.xlsx) or contact cards (.vcf), all rows or none. The file may be a
spreadsheet with English or Chinese headers, a Google or Outlook contact export, a Square,
Shopify or Loyverse export, a POS or membership export. The encoding (UTF-8, GBK/GB18030, Big5…), the delimiter and the columns are
recognised automatically. Customers already in the book (same phone or e-mail) are skipped;
their visits are added to them. All rows are imported or none.
  --dry-run        only show what would be imported, and every problem
  --skip-invalid   import the good rows even when some rows have problems (they are listed)
  --country XX     read phone numbers without "+" as numbers of this country (e.g. CN) instead of the shop's
  --sheet NAME     the sheet of a workbook to read (default: the first)
  --encoding ENC   ${importEncodings.join(' | ')} instead of the detected one
  --delimiter D    , or ; or | or tab instead of the detected one`;

const shownIssues = 20;

export const describeIssue = (issue: ImportRowIssue, words = transferMessages[cliLanguage()]): string => {
  const problem = fill(words.rules[issue.rule], { limit: issue.limit ?? '' });
  return issue.column === ''
    ? fill(words.rowIssue, { row: issue.row, problem })
    : fill(words.issue, { row: issue.row, column: issue.column, problem, value: issue.value });
};

export const runImport = async (argv: string[], projectRoot: string): Promise<void> => {
  const { values } = parseCommand(argv, {
    file: { type: 'string' },
    'dry-run': { type: 'boolean' },
    'skip-invalid': { type: 'boolean' },
    encoding: { type: 'string' },
    delimiter: { type: 'string' },
    country: { type: 'string' },
    sheet: { type: 'string' },
  });
  if (values.help) return void console.log(importHelp);
  if (typeof values.file !== 'string' || values.file === '') throw new CliFailure('--file FILE is required (see --help)', 2);
  const encoding = (values.encoding ?? null) as ImportEncoding | null;
  if (encoding !== null && !importEncodings.includes(encoding)) throw new CliFailure(`--encoding must be one of ${importEncodings.join(', ')}`, 2);
  const delimiter = (values.delimiter === 'tab' ? '\t' : (values.delimiter ?? null)) as ImportDelimiter | null;
  if (delimiter !== null && !importDelimiters.includes(delimiter)) throw new CliFailure('--delimiter must be , ; | or tab', 2);
  const country = typeof values.country === 'string' ? values.country.toUpperCase() : null;
  if (country !== null && !/^[A-Z]{2}$/.test(country)) throw new CliFailure('--country must be a two-letter country code, e.g. TW, CN, HK, US', 2);
  const sheet = typeof values.sheet === 'string' ? values.sheet : null;
  const source = { kind: 'path' as const, path: path.resolve(values.file) };
  const words = transferMessages[cliLanguage()];

  await withCore(dataDirOption(values.data), projectRoot, async (core) => {
    const analysis = valueOr(await core.call('import-analyse', { source, sheet, encoding, delimiter }));
    const delimiterName = analysis.delimiter === '\t' ? 'tab' : analysis.delimiter;
    const shape =
      analysis.format === 'xlsx'
        ? `Excel workbook, sheet "${analysis.sheet ?? ''}" of ${analysis.sheets.length}`
        : analysis.format === 'vcard'
          ? 'contact cards (vCard)'
          : `${analysis.encoding}, delimiter "${delimiterName}"`;
    console.log(`${analysis.fileName}: ${analysis.rowCount.toLocaleString('en')} rows, ${shape}, column names in row ${analysis.headerRow}`);
    for (const column of analysis.columns) console.log(`  ${column.header || `(column ${column.index + 1})`} → ${words.targets[column.target]}`);
    const plan = {
      source,
      sheet: analysis.sheet,
      country,
      fileHash: analysis.fileHash,
      encoding: analysis.encoding,
      delimiter: analysis.delimiter,
      headerRow: analysis.headerRow,
      mapping: analysis.columns.map((column) => column.target),
    };
    const preview = valueOr(await core.call('import-preview', plan));
    const { totals } = preview;
    console.log(
      `new customers: ${totals.newCustomers}; already in the book (skipped): ${totals.duplicates}; same name as a customer (added): ${totals.possibleDuplicates}; repeated rows: ${totals.sameAsAbove}; visits: ${totals.visits}; customers with a history from their old tool: ${totals.histories}; rows with problems: ${totals.invalidRows}`,
    );
    const phones = preview.phoneCountry;
    const proposed = phones.proposed;
    if (proposed !== null) {
      console.log(
        `phone numbers: ${phones.sampled - phones.readable} of ${phones.sampled} without "+" are not numbers of ${phones.used || '(no country set)'}, but ${proposed.readable} are numbers of ${proposed.country}: add --country ${proposed.country}`,
      );
    }
    for (const issue of preview.issues.slice(0, shownIssues)) console.log(`  ${describeIssue(issue, words)}`);
    if (preview.issuesTotal > shownIssues) console.log(`  … and ${preview.issuesTotal - shownIssues} more`);
    if (values['dry-run']) return;
    // Never read numbers for a country that does not fit the file without the owner saying so.
    if (proposed !== null && country === null) {
      throw new CliFailure(`Nothing was imported: the phone numbers look like numbers of ${proposed.country}. Add --country ${proposed.country}, or --country ${phones.shop || 'XX'} to read them as the shop's.`);
    }
    if (totals.invalidRows > 0 && !values['skip-invalid']) {
      throw new CliFailure(`${totals.invalidRows} rows have problems; nothing was imported. Fix the file, or add --skip-invalid to import the other rows.`);
    }
    const outcome = valueOr(await core.call('import-commit', { ...plan, skipInvalid: values['skip-invalid'] ?? false }));
    const perSecond = Math.round((totals.rows / Math.max(1, outcome.durationMs)) * 1000);
    console.log(
      `imported ${outcome.created} customers and ${outcome.visits} visits (${outcome.histories} customers with a history from their old tool); skipped ${outcome.skippedDuplicates} already in the book and ${outcome.skippedInvalid} with problems (${(outcome.durationMs / 1000).toFixed(1)} s, ${perSecond.toLocaleString('en')} rows/s)`,
    );
  });
};
