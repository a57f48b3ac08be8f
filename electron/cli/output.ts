import type { AppError } from '../../shared/errors';
import { describeError } from '../../shared/i18n/describe-error';
import { resolveLanguage, type Language } from '../../shared/locale';
import { systemLocalesFromEnv } from '../core/system-locale';

export const cliLanguage = (): Language => resolveLanguage(systemLocalesFromEnv());

/** A failure: one line on stderr, and the exit code scripts can test. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export const failWith = (error: AppError): CliFailure => new CliFailure(describeError(error, cliLanguage()));

/** Progress on stderr, so stdout stays clean for scripts. */
export const progressLine = (label: string) => {
  let last = -1;
  return (done: number, total: number): void => {
    const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
    if (percent === last || !process.stderr.isTTY) return;
    last = percent;
    process.stderr.write(`\r${label} ${percent}%${percent === 100 ? '\n' : ''}`);
  };
};

const englishPlurals = new Intl.PluralRules('en');

/** "1 visit", "2 visits", "12,000 customers": the command line speaks English, with its plural rules. */
export const counted = (count: number, other: string, one: string = other.replace(/s$/, '')): string =>
  `${count.toLocaleString('en')} ${englishPlurals.select(count) === 'one' ? one : other}`;
