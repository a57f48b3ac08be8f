import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectedPurchases, fitBgNbd, probabilityAlive, type PurchaseHistory } from '../../shared/loyalty/value-model/bg-nbd';
import { customerValue, fitValueModel } from '../../shared/loyalty/value-model/customer-value';
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

describe('a customer’s value under the shop’s fit', () => {
  const model = { kind: 'model' as const, bgNbd: { r: 0.7, alpha: 27.5, a: 0.85, b: 15 }, gammaGamma: { p: 1.5, q: 3.6, gamma: 2100 } };
  const horizon = { years: 3, annualDiscountRate: 0 };

  it('gives a one-visit customer the population’s estimate, never a pace drawn from that one visit', () => {
    // A $480 first visit today must not become "$480 × 12.2 visits a year × 3 years".
    const today = customerValue({ repeatDays: 0, lastDay: 0, observedDays: 0, meanSpendMinor: 48_000 }, model, horizon);
    const cheapToday = customerValue({ repeatDays: 0, lastDay: 0, observedDays: 0, meanSpendMinor: 500 }, model, horizon);
    expect(today.probabilityAlive).toBeNull();
    expect(today.expectedSpendPerVisitMinor).toBe(Math.round((1.5 * 2100) / 2.6));
    expect(today).toEqual(cheapToday);
    expect(today.lifetimeValueMinor / (today.expectedSpendPerVisitMinor * expectedPurchases(3 * 365, { x: 0, tx: 0, T: 0 }, model.bgNbd))).toBeCloseTo(1, 3);
    // Long silent after one visit, they are expected back less.
    const yearAgo = customerValue({ repeatDays: 0, lastDay: 0, observedDays: 365, meanSpendMinor: 48_000 }, model, horizon);
    expect(yearAgo.expectedVisitsNextYear).toBeLessThan(today.expectedVisitsNextYear);
  });

  it('expects a regular who came lately back more than one who stopped, and says how likely each still comes', () => {
    const lately = customerValue({ repeatDays: 20, lastDay: 200, observedDays: 205, meanSpendMinor: 900 }, model, horizon);
    const stopped = customerValue({ repeatDays: 20, lastDay: 60, observedDays: 205, meanSpendMinor: 900 }, model, horizon);
    expect(lately.probabilityAlive as number).toBeGreaterThan(0.9);
    expect(stopped.probabilityAlive as number).toBeLessThan(0.1);
    expect(lately.expectedVisitsNextYear).toBeGreaterThan(10 * stopped.expectedVisitsNextYear);
  });

  it('discounts later years at the stated rate', () => {
    const history = { repeatDays: 20, lastDay: 200, observedDays: 205, meanSpendMinor: 900 };
    const plain = customerValue(history, model, horizon);
    const discounted = customerValue(history, model, { years: 3, annualDiscountRate: 0.1 });
    const oneYear = customerValue(history, model, { years: 1, annualDiscountRate: 0 });
    expect(discounted.lifetimeValueMinor).toBeLessThan(plain.lifetimeValueMinor);
    expect(discounted.lifetimeValueMinor).toBeGreaterThan(plain.lifetimeValueMinor / 1.1 ** 3);
    expect(oneYear.lifetimeValueMinor / (oneYear.expectedSpendPerVisitMinor * oneYear.expectedVisitsNextYear)).toBeCloseTo(1, 3);
  });

  it('falls back to a labelled simple estimate with fewer than 50 repeat customers', () => {
    const histories = [
      ...Array.from({ length: 49 }, () => ({ repeatDays: 2, lastDay: 60, observedDays: 100, meanSpendMinor: 1000 })),
      ...Array.from({ length: 100 }, () => ({ repeatDays: 0, lastDay: 0, observedDays: 100, meanSpendMinor: 500 })),
    ];
    const fit = fitValueModel(histories);
    expect(fit.simpleBecause).toBe('few_repeat_customers');
    expect(fit.repeatCustomers).toBe(49);
    expect(fit.model).toEqual({ kind: 'simple', visitsPerDay: 98 / 14_900, spendPerVisitMinor: (49 * 3 * 1000 + 100 * 500) / 247 });
    const value = customerValue({ repeatDays: 0, lastDay: 0, observedDays: 0, meanSpendMinor: 48_000 }, fit.model, horizon);
    expect(value.probabilityAlive).toBeNull();
    expect(value.expectedSpendPerVisitMinor).toBe(Math.round((49 * 3 * 1000 + 100 * 500) / 247));
  });

  it('fits the models once 50 customers came back', () => {
    const histories = Array.from({ length: 400 }, (_, index) =>
      index % 2 === 0 ? { repeatDays: 1 + (index % 7), lastDay: 30 + (index % 90), observedDays: 200, meanSpendMinor: 800 + (index % 13) * 50 } : { repeatDays: 0, lastDay: 0, observedDays: 50 + (index % 150), meanSpendMinor: 600 },
    );
    const fit = fitValueModel(histories);
    expect(fit.simpleBecause).toBeNull();
    expect(fit.model.kind).toBe('model');
    expect(fit.fittedOn).toBe(400);
  });
});
