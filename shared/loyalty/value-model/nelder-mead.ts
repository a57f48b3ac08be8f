/**
 * Nelder–Mead minimisation (Lagarias et al. 1998 coefficients), restarted from its best point until
 * a restart no longer improves it: the simplex can collapse early on a long curved valley, and a
 * fresh simplex around the best point catches that.
 */

export interface MinimiseOptions {
  /** Size of the first simplex around the start, in the units of the parameters. */
  step?: number;
  /** Stop when the simplex's values differ by less than this. */
  tolerance?: number;
  maxEvaluations?: number;
}

export interface Minimum {
  point: number[];
  value: number;
  evaluations: number;
}

const simplexAround = (start: readonly number[], step: number): number[][] => [
  [...start],
  ...start.map((_, axis) => start.map((value, index) => (index === axis ? value + step : value))),
];

const run = (f: (point: number[]) => number, start: readonly number[], step: number, tolerance: number, budget: number): Minimum => {
  const dimension = start.length;
  const points = simplexAround(start, step);
  const values = points.map((point) => f(point));
  let evaluations = points.length;
  const combine = (from: number[], towards: number[], factor: number): number[] => from.map((value, index) => value + factor * ((towards[index] as number) - value));
  while (evaluations < budget) {
    const order = values.map((_, index) => index).sort((left, right) => (values[left] as number) - (values[right] as number));
    const sortedPoints = order.map((index) => points[index] as number[]);
    const sortedValues = order.map((index) => values[index] as number);
    points.splice(0, points.length, ...sortedPoints);
    values.splice(0, values.length, ...sortedValues);
    const best = values[0] as number;
    const worst = values[dimension] as number;
    if (Math.abs(worst - best) <= tolerance * (1 + Math.abs(best))) break;
    const centroid = new Array<number>(dimension).fill(0);
    for (let index = 0; index < dimension; index += 1) for (let axis = 0; axis < dimension; axis += 1) centroid[axis] = (centroid[axis] as number) + (points[index]?.[axis] as number) / dimension;
    const worstPoint = points[dimension] as number[];
    const reflected = combine(centroid, worstPoint, -1);
    const reflectedValue = f(reflected);
    evaluations += 1;
    if (reflectedValue < best) {
      const expanded = combine(centroid, worstPoint, -2);
      const expandedValue = f(expanded);
      evaluations += 1;
      if (expandedValue < reflectedValue) {
        points[dimension] = expanded;
        values[dimension] = expandedValue;
      } else {
        points[dimension] = reflected;
        values[dimension] = reflectedValue;
      }
      continue;
    }
    if (reflectedValue < (values[dimension - 1] as number)) {
      points[dimension] = reflected;
      values[dimension] = reflectedValue;
      continue;
    }
    const outside = reflectedValue < worst;
    const contracted = outside ? combine(centroid, reflected, 0.5) : combine(centroid, worstPoint, 0.5);
    const contractedValue = f(contracted);
    evaluations += 1;
    if (contractedValue < (outside ? reflectedValue : worst)) {
      points[dimension] = contracted;
      values[dimension] = contractedValue;
      continue;
    }
    const bestPoint = points[0] as number[];
    for (let index = 1; index <= dimension; index += 1) {
      points[index] = combine(bestPoint, points[index] as number[], 0.5);
      values[index] = f(points[index] as number[]);
      evaluations += 1;
    }
  }
  const bestIndex = values.indexOf(Math.min(...values));
  return { point: points[bestIndex] as number[], value: values[bestIndex] as number, evaluations };
};

/** The point near `start` where `f` is least; `f` may answer Infinity for points outside its domain. */
export const minimise = (f: (point: number[]) => number, start: readonly number[], options: MinimiseOptions = {}): Minimum => {
  const tolerance = options.tolerance ?? 1e-10;
  const budget = options.maxEvaluations ?? 5000;
  let step = options.step ?? 0.5;
  let minimum = run(f, start, step, tolerance, budget);
  let evaluations = minimum.evaluations;
  for (let restart = 0; restart < 5 && evaluations < budget; restart += 1) {
    step /= 2;
    const again = run(f, minimum.point, step, tolerance, budget - evaluations);
    evaluations += again.evaluations;
    const improved = again.value < minimum.value - tolerance * (1 + Math.abs(minimum.value));
    if (again.value < minimum.value) minimum = again;
    if (!improved) break;
  }
  return { ...minimum, evaluations };
};
