/** Round axis ticks from zero (0, 100, 200 …, or 0, 2.5K, 5K …): a step of 1, 2, 2.5 or 5 times a power of ten. */
export const niceTicks = (max: number, intervals = 4): number[] => {
  if (!(max > 0)) return [0, 1];
  const rough = max / intervals;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].find((factor) => factor * power >= rough) ?? 10) * power;
  return Array.from({ length: Math.ceil(max / step) + 1 }, (_, index) => Math.round(index * step * 1e6) / 1e6);
};
