/**
 * Round axis ticks from zero (0, 100, 200 …, or 0, 2.5K, 5K …): a step of 1, 2, 2.5 or 5 times a power of ten.
 * Counts of people or visits step by whole numbers: a small book's axis read 0, 0.3, 0.5, 0.8, 1 customers.
 */
export const niceTicks = (max: number, intervals = 4, wholeSteps = false): number[] => {
  if (!(max > 0)) return [0, 1];
  const rough = max / intervals;
  const power = 10 ** Math.floor(Math.log10(rough));
  const factors = wholeSteps && power < 10 ? [1, 2, 5, 10] : [1, 2, 2.5, 5, 10];
  const nice = (factors.find((factor) => factor * power >= rough) ?? 10) * power;
  const step = wholeSteps ? Math.max(1, nice) : nice;
  return Array.from({ length: Math.ceil(max / step) + 1 }, (_, index) => Math.round(index * step * 1e6) / 1e6);
};
