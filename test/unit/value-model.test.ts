import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectedPurchases, fitBgNbd, probabilityAlive, type PurchaseHistory } from '../../shared/loyalty/value-model/bg-nbd';
import { expectedSpend, fitGammaGamma } from '../../shared/loyalty/value-model/gamma-gamma';
import { logGamma, logHypergeometric2F1 } from '../../shared/loyalty/value-model/special';

/** The CDNOW sample of the papers: 2,357 customers, time in weeks (test/fixtures/README.md). */
const cdnow = readFileSync(path.join(__dirname, '../fixtures/cdnow-summary.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [frequency, recency, T, monetary] = line.split(',').map(Number) as [number, number, number, number];
    return { x: frequency, tx: recency, T, monetary };
  });

describe('special functions', () => {
  it('ln Γ matches known values', () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    expect(logGamma(100)).toBeCloseTo(359.1342053695754, 9);
  });

  it('₂F₁ matches closed forms', () => {
    // ₂F₁(1, 1; 2; z) = −ln(1 − z) / z
    expect(Math.exp(logHypergeometric2F1(1, 1, 2, 0.5))).toBeCloseTo(-Math.log(0.5) / 0.5, 10);
    expect(Math.exp(logHypergeometric2F1(1, 1, 2, 0.95))).toBeCloseTo(-Math.log(0.05) / 0.95, 8);
    // ₂F₁(a, b; b; z) = (1 − z)^−a, also where the terms run to e^300 before they fall
    expect(logHypergeometric2F1(300, 2, 2, 0.6)).toBeCloseTo(-300 * Math.log(0.4), 6);
  });
});

describe('BG/NBD on the CDNOW sample (Fader, Hardie & Lee 2005)', () => {
  const fit = fitBgNbd(cdnow);

  it('finds the published parameters', () => {
    expect(cdnow).toHaveLength(2357);
    expect(fit.parameters.r).toBeCloseTo(0.243, 3);
    expect(fit.parameters.alpha).toBeCloseTo(4.414, 2);
    expect(fit.parameters.a).toBeCloseTo(0.793, 3);
    expect(fit.parameters.b).toBeCloseTo(2.426, 2);
    expect(fit.logLikelihood).toBeCloseTo(-9582.4, 1);
  });

  it('expects 1.226 purchases in 39 weeks from x = 2, t_x = 30.43, T = 38.86', () => {
    const customer: PurchaseHistory = { x: 2, tx: 30.43, T: 38.86 };
    expect(expectedPurchases(39, customer, fit.parameters)).toBeCloseTo(1.226, 3);
    expect(probabilityAlive(customer, fit.parameters)).toBeGreaterThan(0.5);
  });

  it('a customer long silent after many purchases is likely gone', () => {
    expect(probabilityAlive({ x: 10, tx: 5, T: 38.86 }, fit.parameters)).toBeLessThan(0.1);
    expect(probabilityAlive({ x: 10, tx: 38, T: 38.86 }, fit.parameters)).toBeGreaterThan(0.9);
  });
});

describe('Gamma-Gamma on the CDNOW repeat customers (Fader, Hardie & Lee 2005)', () => {
  const repeat = cdnow.filter((customer) => customer.x > 0).map((customer) => ({ n: customer.x, mean: customer.monetary }));
  const fit = fitGammaGamma(repeat);

  it('finds the published parameters', () => {
    expect(repeat).toHaveLength(946);
    expect(fit.parameters.p).toBeCloseTo(6.25, 1);
    expect(fit.parameters.q).toBeCloseTo(3.74, 1);
    expect(fit.parameters.gamma).toBeCloseTo(15.44, 1);
  });

  it('pulls a customer’s expected spend from the shop’s mean towards their own, more with more purchases', () => {
    const shopMean = expectedSpend({ n: 0, mean: 0 }, fit.parameters);
    expect(shopMean).toBeCloseTo((6.25 * 15.44) / 2.74, 0);
    const once = expectedSpend({ n: 1, mean: 100 }, fit.parameters);
    const often = expectedSpend({ n: 10, mean: 100 }, fit.parameters);
    expect(once).toBeGreaterThan(shopMean);
    expect(often).toBeGreaterThan(once);
    expect(often).toBeLessThan(100);
  });
});
