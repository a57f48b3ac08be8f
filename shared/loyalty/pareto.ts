/**
 * The 80/20 picture: cumulative share of revenue against the share of customers, customers ranked
 * from the biggest spender down.
 */

export interface ParetoPoint {
  /** Share of customers, 0–1, biggest spenders first. */
  customerShare: number;
  /** Share of all revenue those customers brought, 0–1. */
  revenueShare: number;
}

/** The sum of the first `count` amounts, in order (the same additions, so the same figure, however it is held). */
export const sumOfFirst = (amounts: ArrayLike<number>, count = amounts.length): number => {
  let sum = 0;
  for (let index = 0; index < count; index += 1) sum += amounts[index] ?? 0;
  return sum;
};

/**
 * At most `points` + 1 points (0,0 included), evenly spaced by customer share, exact at each. The
 * amounts may be a typed array: the dashboard ranks 100,000 spenders without copying them into a list.
 */
export const paretoCurve = (descending: ArrayLike<number>, points = 50): ParetoPoint[] => {
  const total = sumOfFirst(descending);
  if (descending.length === 0 || total <= 0) return [];
  const curve: ParetoPoint[] = [{ customerShare: 0, revenueShare: 0 }];
  const steps = Math.min(points, descending.length);
  let running = 0;
  let taken = 0;
  for (let step = 1; step <= steps; step += 1) {
    const upTo = Math.round((descending.length * step) / steps);
    for (; taken < upTo; taken += 1) running += descending[taken] ?? 0;
    curve.push({ customerShare: upTo / descending.length, revenueShare: running / total });
  }
  return curve;
};

/** The share of revenue the top `customerShare` of customers brought (0.2 → "the top 20% bring …"). */
export const revenueShareOfTop = (descending: ArrayLike<number>, customerShare: number): number => {
  const total = sumOfFirst(descending);
  if (descending.length === 0 || total <= 0) return 0;
  const count = Math.max(1, Math.round(descending.length * customerShare));
  return sumOfFirst(descending, Math.min(count, descending.length)) / total;
};
