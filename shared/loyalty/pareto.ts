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

/** At most `points` + 1 points (0,0 included), evenly spaced by customer share, exact at each. */
export const paretoCurve = (descending: readonly number[], points = 50): ParetoPoint[] => {
  const total = descending.reduce((sum, value) => sum + value, 0);
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
export const revenueShareOfTop = (descending: readonly number[], customerShare: number): number => {
  const total = descending.reduce((sum, value) => sum + value, 0);
  if (descending.length === 0 || total <= 0) return 0;
  const count = Math.max(1, Math.round(descending.length * customerShare));
  return descending.slice(0, count).reduce((sum, value) => sum + value, 0) / total;
};
