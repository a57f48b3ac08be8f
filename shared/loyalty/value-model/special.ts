/**
 * The two special functions the value models need, in logarithms so that the large counts of a
 * daily regular (hundreds of visit days) neither overflow nor lose precision.
 */

// Lanczos approximation, g = 7, nine coefficients: about 15 significant digits for x > 0.
const lanczos = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const halfLogTwoPi = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0. */
export const logGamma = (x: number): number => {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const shifted = x - 1;
  let sum = lanczos[0] as number;
  for (let index = 1; index < lanczos.length; index += 1) sum += (lanczos[index] as number) / (shifted + index);
  const t = shifted + 7.5;
  return halfLogTwoPi + (shifted + 0.5) * Math.log(t) - t + Math.log(sum);
};

const maxTerms = 100_000;
const rescaleAbove = 1e250;
const logRescale = Math.log(rescaleAbove);

/**
 * ln ₂F₁(a, b; c; z) for a, b, c > 0 and 0 ≤ z < 1, by its power series. Every term is positive
 * here, so there is no cancellation; a regular's series rises for hundreds of terms before it falls,
 * so the running term and sum are scaled down together whenever they pass 1e250 (and the scaling
 * kept as a logarithm) rather than overflow a double.
 */
export const logHypergeometric2F1 = (a: number, b: number, c: number, z: number): number => {
  if (!(z >= 0 && z < 1) || !(a > 0 && b > 0 && c > 0)) throw new RangeError('logHypergeometric2F1 needs a, b, c > 0 and 0 ≤ z < 1');
  let term = 1;
  let sum = 1;
  let logScale = 0;
  for (let n = 0; n < maxTerms; n += 1) {
    const ratio = (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    term *= ratio;
    sum += term;
    if (sum > rescaleAbove) {
      term /= rescaleAbove;
      sum /= rescaleAbove;
      logScale += logRescale;
    }
    // Once the terms shrink (their ratio stays below one from here on), stop when they no longer count.
    if (ratio < 1 && term < 1e-16 * sum) break;
  }
  return logScale + Math.log(sum);
};
