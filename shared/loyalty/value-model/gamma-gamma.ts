import { minimise } from './nelder-mead';
import { logGamma } from './special';

/**
 * The Gamma-Gamma model of spend per purchase (Fader, Hardie & Lee 2005, "RFM and CLV: Using
 * Iso-Value Curves for Customer Base Analysis", Journal of Marketing Research 42(4)): each purchase
 * of a customer is Gamma(p, ν), and ν varies across customers as Gamma(q, γ). A customer's mean
 * of n purchases then pulls their expected spend from the shop's mean towards their own.
 */

export interface GammaGammaParameters {
  p: number;
  q: number;
  gamma: number;
}

/** n purchases whose mean amount is `mean` (mean > 0). */
export interface SpendHistory {
  n: number;
  mean: number;
}

/**
 * Histories as columns with what does not change between evaluations worked out once: the
 * logarithms of n and of the mean, and each row's distinct n (the gamma-function terms depend on
 * n alone). A fit evaluates the likelihood hundreds of times over every repeat customer.
 */
interface Columns {
  nIndex: Int32Array;
  n: Float64Array;
  logN: Float64Array;
  logMean: Float64Array;
  total: Float64Array;
  distinctN: Float64Array;
}

const columnsOf = (histories: readonly SpendHistory[], scale = 1): Columns => {
  const ns = new Map<number, number>();
  const nIndex = new Int32Array(histories.length);
  histories.forEach(({ n }, row) => {
    let index = ns.get(n);
    if (index === undefined) {
      index = ns.size;
      ns.set(n, index);
    }
    nIndex[row] = index;
  });
  return {
    nIndex,
    n: Float64Array.from(histories, ({ n }) => n),
    logN: Float64Array.from(histories, ({ n }) => Math.log(n)),
    logMean: Float64Array.from(histories, ({ mean }) => Math.log(mean / scale)),
    total: Float64Array.from(histories, ({ n, mean }) => (n * mean) / scale),
    distinctN: Float64Array.from(ns.keys()),
  };
};

const logLikelihoodOfColumns = (columns: Columns, { p, q, gamma }: GammaGammaParameters): number => {
  const shared = -logGamma(q) + q * Math.log(gamma);
  const gammas = new Float64Array(columns.distinctN.length);
  for (let index = 0; index < gammas.length; index += 1) {
    const pn = p * (columns.distinctN[index] as number);
    gammas[index] = shared + logGamma(pn + q) - logGamma(pn);
  }
  const { nIndex, n, logN, logMean, total } = columns;
  let sum = 0;
  for (let row = 0; row < n.length; row += 1) {
    const pn = p * (n[row] as number);
    sum += (gammas[nIndex[row] as number] as number) + (pn - 1) * (logMean[row] as number) + pn * (logN[row] as number) - (pn + q) * Math.log(gamma + (total[row] as number));
  }
  return sum;
};

const usable = (histories: readonly SpendHistory[]): SpendHistory[] => histories.filter((history) => history.n > 0 && history.mean > 0);

/** The log-likelihood of the spend histories under the parameters (customers with no spend left out). */
const gammaGammaLogLikelihood = (histories: readonly SpendHistory[], parameters: GammaGammaParameters): number =>
  logLikelihoodOfColumns(columnsOf(usable(histories)), parameters);

export interface GammaGammaFit {
  parameters: GammaGammaParameters;
  logLikelihood: number;
}

/**
 * Maximum-likelihood p, q, γ on the logarithms. Amounts are divided by their average while fitting
 * (γ is in money, p and q are not), so minor units of any currency fit alike.
 */
export const fitGammaGamma = (histories: readonly SpendHistory[]): GammaGammaFit => {
  const spenders = usable(histories);
  const scale = spenders.reduce((sum, history) => sum + history.mean, 0) / Math.max(1, spenders.length) || 1;
  const columns = columnsOf(spenders, scale);
  const negative = ([logP, logQ, logScaledGamma]: number[]): number => {
    const value = logLikelihoodOfColumns(columns, { p: Math.exp(logP as number), q: Math.exp(logQ as number), gamma: Math.exp(logScaledGamma as number) });
    return Number.isFinite(value) ? -value : Infinity;
  };
  const minimum = minimise(negative, [0, 0, 0]);
  const [logP, logQ, logScaledGamma] = minimum.point as [number, number, number];
  const parameters = { p: Math.exp(logP), q: Math.exp(logQ), gamma: Math.exp(logScaledGamma) * scale };
  return { parameters, logLikelihood: gammaGammaLogLikelihood(spenders, parameters) };
};

/** The shop-wide mean spend per purchase, E[M] = pγ / (q − 1); infinite when q ≤ 1. */
export const populationMeanSpend = ({ p, q, gamma }: GammaGammaParameters): number => (q > 1 ? (p * gamma) / (q - 1) : Infinity);

/** E[M | n, mean]: a customer's expected spend per purchase; with no purchase to go on, the shop's mean. */
export const expectedSpend = ({ n, mean }: SpendHistory, { p, q, gamma }: GammaGammaParameters): number =>
  n === 0 ? populationMeanSpend({ p, q, gamma }) : (p * (gamma + n * mean)) / (p * n + q - 1);
