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
