import { parseArgs, type ParseArgsConfig } from 'node:util';
import { defaultDataDir } from '../core/paths';
import { CliFailure } from './output';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Every command takes --data DIR (default: the app's own data folder) and --help. */
export const commonOptions = {
  data: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

export const parseCommand = <O extends Options>(argv: string[], options: O) => {
  try {
    return parseArgs({ args: argv, options: { ...commonOptions, ...options }, allowPositionals: false, strict: true });
  } catch (caught) {
    throw new CliFailure(`${(caught as Error).message} (see --help)`, 2);
  }
};

export const dataDirOption = (value: string | boolean | undefined): string =>
  typeof value === 'string' ? defaultDataDir({ ...process.env, REGULARS_DATA_DIR: value }) : defaultDataDir();

export const positiveInteger = (name: string, value: string | boolean | undefined, fallback: number): number => {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (typeof value !== 'string' || !Number.isSafeInteger(number) || number < 0) {
    throw new CliFailure(`--${name} must be a whole number of 0 or more, not "${String(value)}"`, 2);
  }
  return number;
};
