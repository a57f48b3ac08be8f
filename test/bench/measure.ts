/** Timing helpers: warm up, repeat, report median and p95 in milliseconds. */
export interface Timing {
  median: number;
  p95: number;
  samples: number;
}

const percentile = (sorted: readonly number[], fraction: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] ?? 0;

export const summarise = (durations: readonly number[]): Timing => {
  const sorted = [...durations].sort((a, b) => a - b);
  return { median: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), samples: sorted.length };
};

/** Runs `work` once per input (after `warmup` untimed runs) and summarises the wall time. */
export const timeEach = async <T>(inputs: readonly T[], work: (input: T) => unknown, warmup = 20): Promise<Timing> => {
  for (const input of inputs.slice(0, warmup)) await work(input);
  const durations: number[] = [];
  for (const input of inputs) {
    const started = performance.now();
    await work(input);
    durations.push(performance.now() - started);
  }
  return summarise(durations);
};

export const timeOnce = async (work: () => unknown): Promise<number> => {
  const started = performance.now();
  await work();
  return performance.now() - started;
};

export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));
