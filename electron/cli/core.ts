import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Core } from '../core/core';
import { openCore } from '../core/core';
import { systemLocalesFromEnv } from '../core/system-locale';
import type { Result } from '../../shared/result';
import { CliFailure, failWith, progressLine } from './output';

/** Opens the book for one command, shows job progress on stderr, and always closes it. */
export const withCore = async <T>(dataDir: string, projectRoot: string, work: (core: Core) => Promise<T>): Promise<T> => {
  // The job worker built beside the CLI: a backup's check then overlaps its writing, as in the app.
  const workerFile = path.join(projectRoot, 'dist', 'worker', 'jobs.cjs');
  const core = openCore({ dataDir, transport: 'browser', authority: 'owner', systemLocales: systemLocalesFromEnv(), projectRoot, jobWorkerFile: existsSync(workerFile) ? workerFile : undefined });
  const bars = new Map<string, (done: number, total: number) => void>();
  const stop = core.events.on('job-progress', ({ phase, done, total }) => {
    if (total === 0) return;
    const bar = bars.get(phase) ?? progressLine(phase);
    bars.set(phase, bar);
    bar(done, total);
  });
  try {
    return await work(core);
  } finally {
    stop();
    core.close();
  }
};

/** The value of a result, or the translated one-line reason as a CLI failure. */
export const valueOr = <T>(result: Result<T>): T => {
  if (!result.ok) throw failWith(result.error);
  return result.value;
};

/**
 * The value of a result, or the translated reason followed by its stable code: the sync's
 * refusals (a device not paired, removed, another book's) differ in what to do next, and a script
 * tells them apart by the code.
 */
export const reasonedValueOr = <T>(result: Result<T>): T => {
  if (result.ok) return result.value;
  const failure = failWith(result.error);
  if (result.error.code !== 'INVALID_STATE') throw failure;
  throw new CliFailure(`${failure.message} (${result.error.details.reason})`, failure.exitCode);
};
