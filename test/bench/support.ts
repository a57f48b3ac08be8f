import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The book to measure: REGULARS_BENCH_DATA names a data folder seeded with
 * `npm run cli -- seed --data DIR --customers 100000 --visits 1000000`. It is copied first, so
 * measurements that write never change it.
 */
export const benchBook = (): { dataDir: string; remove: () => void } | null => {
  const source = process.env.REGULARS_BENCH_DATA;
  if (!source) return null;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'regulars-bench-'));
  cpSync(source, dataDir, { recursive: true });
  return { dataDir, remove: () => rmSync(dataDir, { recursive: true, force: true }) };
};

export interface Figure {
  name: string;
  p50Ms: number;
  p95Ms: number;
  runs: number;
  budgetMs: number | null;
  /** The same work as raw SQL in the same process, where there is one. */
  rawP50Ms: number | null;
}

export const measure = async (runs: number, work: () => unknown): Promise<{ p50: number; p95: number }> => {
  await work();
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const at = (share: number) => samples[Math.min(samples.length - 1, Math.floor(samples.length * share))] ?? 0;
  return { p50: at(0.5), p95: at(0.95) };
};

/** Prints the table and writes the machine-readable figures next to it. */
export const report = (name: string, figures: readonly Figure[]): void => {
  const rows = figures.map((figure) => ({
    figure: figure.name,
    'p50 ms': figure.p50Ms.toFixed(1),
    'p95 ms': figure.p95Ms.toFixed(1),
    'budget ms': figure.budgetMs ?? '',
    'within budget': figure.budgetMs === null ? '' : figure.p95Ms <= figure.budgetMs ? 'yes' : 'NO',
    '× raw SQL': figure.rawP50Ms === null ? '' : (figure.p50Ms / figure.rawP50Ms).toFixed(1),
  }));
  console.table(rows);
  mkdirSync('.bench', { recursive: true });
  writeFileSync(path.join('.bench', `${name}.json`), JSON.stringify({ name, at: new Date().toISOString(), cpus: os.cpus().length, figures }, null, 2));
};
