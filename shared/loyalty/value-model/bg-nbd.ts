import { minimise } from './nelder-mead';
import { logGamma, logHypergeometric2F1 } from './special';

/**
 * The BG/NBD model of repeat buying (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy
 * Way: An Alternative to the Pareto/NBD Model", Marketing Science 24(2)): while alive, a customer
 * buys at a Poisson rate λ ~ Gamma(r, α); after each purchase they drop out with probability
 * p ~ Beta(a, b). Time is in whatever unit the caller's t_x and T are in (days for the shop, weeks
 * in the paper's CDNOW check).
 */

export interface BgNbdParameters {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** One customer's history: x repeat purchases, the last at t_x, observed for T since their first. */
export interface PurchaseHistory {
  x: number;
  tx: number;
  T: number;
}

/**
 * Histories as columns, identical ones counted once (every one-time buyer of the same age is one
 * row), each row pointing at its distinct x: the likelihood's gamma-function terms depend on x
 * alone and are worked out once per distinct x. A fit evaluates the likelihood hundreds of times
 * over every customer of the book, so this is its hot loop.
 */
interface Columns {
  xIndex: Int32Array;
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  count: Float64Array;
  distinctX: Float64Array;
}

const columnsOf = (histories: readonly PurchaseHistory[], scale = 1): Columns => {
  const rows = new Map<string, number>();
  const xs = new Map<number, number>();
  const xIndex: number[] = [];
  const x: number[] = [];
  const tx: number[] = [];
  const T: number[] = [];
  const count: number[] = [];
  for (const history of histories) {
    const key = `${history.x}|${history.x === 0 ? 0 : history.tx}|${history.T}`;
    const row = rows.get(key);
    if (row !== undefined) {
      count[row] = (count[row] as number) + 1;
      continue;
    }
    rows.set(key, x.length);
    let index = xs.get(history.x);
    if (index === undefined) {
      index = xs.size;
      xs.set(history.x, index);
    }
    xIndex.push(index);
    x.push(history.x);
    tx.push(history.x === 0 ? 0 : history.tx * scale);
    T.push(history.T * scale);
    count.push(1);
  }
  return {
    xIndex: Int32Array.from(xIndex),
    x: Float64Array.from(x),
    tx: Float64Array.from(tx),
    T: Float64Array.from(T),
    count: Float64Array.from(count),
    distinctX: Float64Array.from(xs.keys()),
  };
};

const logLikelihoodOfColumns = (columns: Columns, { r, alpha, a, b }: BgNbdParameters): number => {
  const logA = Math.log(a);
  const shared = logGamma(a + b) - logGamma(b) - logGamma(r) + r * Math.log(alpha);
  const gammas = new Float64Array(columns.distinctX.length);
  const dropOut = new Float64Array(columns.distinctX.length);
  for (let index = 0; index < gammas.length; index += 1) {
    const x = columns.distinctX[index] as number;
    gammas[index] = shared + logGamma(r + x) + logGamma(b + x) - logGamma(a + b + x);
    dropOut[index] = x > 0 ? logA - Math.log(b + x - 1) : -Infinity;
  }
  const { xIndex, x, tx, T, count } = columns;
  let total = 0;
  for (let row = 0; row < x.length; row += 1) {
    const k = xIndex[row] as number;
    const rx = r + (x[row] as number);
    const alive = -rx * Math.log(alpha + (T[row] as number));
    const droppedOut = (dropOut[k] as number) - rx * Math.log(alpha + (tx[row] as number));
    // ln(e^alive + e^droppedOut), the larger taken out
    const most = alive > droppedOut ? alive : droppedOut;
    const least = alive > droppedOut ? droppedOut : alive;
    total += (count[row] as number) * ((gammas[k] as number) + most + Math.log1p(Math.exp(least - most)));
  }
  return total;
};

/** The log-likelihood of the histories under the parameters (the paper's individual likelihood, summed over customers). */
const bgNbdLogLikelihood = (histories: readonly PurchaseHistory[], parameters: BgNbdParameters): number =>
  logLikelihoodOfColumns(columnsOf(histories), parameters);

export interface BgNbdFit {
  parameters: BgNbdParameters;
  logLikelihood: number;
  evaluations: number;
}

/**
 * Maximum-likelihood r, α, a, b by Nelder–Mead on their logarithms (so every step stays positive).
 * Time is rescaled so the longest observation is 10 units while fitting, which keeps α near 1 in any
 * unit; α is scaled back afterwards (r, a, b do not depend on the unit).
 */
export const fitBgNbd = (histories: readonly PurchaseHistory[]): BgNbdFit => {
  const longest = histories.reduce((most, history) => Math.max(most, history.T), 0);
  const scale = longest > 0 ? 10 / longest : 1;
  const columns = columnsOf(histories, scale);
  const negative = ([logR, logAlpha, logA, logB]: number[]): number => {
    const value = logLikelihoodOfColumns(columns, { r: Math.exp(logR as number), alpha: Math.exp(logAlpha as number), a: Math.exp(logA as number), b: Math.exp(logB as number) });
    return Number.isFinite(value) ? -value : Infinity;
  };
  const minimum = minimise(negative, [0, 0, 0, 0]);
  const [logR, logAlpha, logA, logB] = minimum.point as [number, number, number, number];
  const parameters = { r: Math.exp(logR), alpha: Math.exp(logAlpha) / scale, a: Math.exp(logA), b: Math.exp(logB) };
  return { parameters, logLikelihood: bgNbdLogLikelihood(histories, parameters), evaluations: minimum.evaluations };
};

/**
 * The chance the customer is still a customer now (P(alive) in Fader, Hardie & Lee's note "Computing
 * P(alive) Using the BG/NBD Model"). Always 1 at x = 0: in this model a customer drops out only
 * after a repeat purchase, so the profile does not show it for one visit day.
 */
export const probabilityAlive = ({ x, tx, T }: PurchaseHistory, { r, alpha, a, b }: BgNbdParameters): number => {
  if (x === 0) return 1;
  const logOdds = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return 1 / (1 + Math.exp(logOdds));
};

/**
 * 1 − ((α+T)/(α+T+t))^(r+x) · ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t)), the bracket of the paper's
 * conditional expectation.
 * By Pfaff's transformation the power cancels and it is −Σₙ≥₁ of the series of
 * ₂F₁(r+x, a−1; a+b+x−1; −t/(α+T)), whose terms do not grow with x: a few dozen terms for a
 * customer watched longer than the horizon, where the direct series needs about x·z/(1−z) terms
 * (hundreds for a regular). The direct series serves the young customers, where the other would
 * not converge.
 */
const expectationBracket = (t: number, x: number, T: number, { r, alpha, a, b }: BgNbdParameters): number => {
  const w = t / (alpha + T);
  if (w < 0.8) {
    const A = r + x;
    const B = a - 1;
    const C = a + b + x - 1;
    let term = 1;
    let sum = 0;
    for (let n = 0; n < 10_000; n += 1) {
      term *= (((A + n) * (B + n)) / ((C + n) * (n + 1))) * -w;
      sum += term;
      if (Math.abs(term) < 1e-15 * Math.max(1e-300, Math.abs(sum))) break;
    }
    return -sum;
  }
  const logPower = (r + x) * (Math.log(alpha + T) - Math.log(alpha + T + t));
  return -Math.expm1(logPower + logHypergeometric2F1(r + x, b + x, a + b + x - 1, t / (alpha + T + t)));
};

/**
 * E[Y(t) | x, t_x, T]: how many purchases the customer is expected to make in the next t (the
 * paper's conditional expectation). At a = 1 exactly the formula is 0/0; a hair's breadth away it is continuous.
 */
export const expectedPurchases = (t: number, { x, tx, T }: PurchaseHistory, parameters: BgNbdParameters): number => {
  if (t <= 0) return 0;
  const { r, alpha, b } = parameters;
  const a = Math.abs(parameters.a - 1) < 1e-9 ? 1 + 1e-9 : parameters.a;
  const numerator = ((a + b + x - 1) / (a - 1)) * expectationBracket(t, x, T, { r, alpha, a, b });
  const denominator = x > 0 ? 1 + (a / (b + x - 1)) * Math.exp((r + x) * (Math.log(alpha + T) - Math.log(alpha + tx))) : 1;
  return numerator / denominator;
};
