import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectedPurchases, fitBgNbd, probabilityAlive, type BgNbdParameters, type PurchaseHistory } from '../../shared/loyalty/value-model/bg-nbd';
import { customerValue, fitValueModel } from '../../shared/loyalty/value-model/customer-value';
import { expectedSpend, fitGammaGamma, type GammaGammaParameters, type SpendHistory } from '../../shared/loyalty/value-model/gamma-gamma';
import { logGamma, logHypergeometric2F1 } from '../../shared/loyalty/value-model/special';

/** The parameters Fader, Hardie & Lee (2005) publish for the CDNOW sample, time in weeks. */
const paperBgNbd: BgNbdParameters = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const paperGammaGamma: GammaGammaParameters = { p: 6.25, q: 3.74, gamma: 15.44 };

/** A small seeded generator (mulberry32): the same simulated shop on every run. */
const seeded = (seed: number) => {
  let state = seed >>> 0;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  /** Gamma(shape, rate) by Marsaglia & Tsang, boosted for shapes below 1. */
  const gamma = (shape: number, rate: number): number => {
    if (shape < 1) return gamma(shape + 1, rate) * (1 - uniform()) ** (1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const z = normal();
      const v = (1 + c * z) ** 3;
      if (v > 0 && Math.log(1 - uniform()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return (d * v) / rate;
    }
  };
  return { uniform, gamma };
};

/** Customers drawn from the BG/NBD story itself: buying at rate λ while alive, dropping out with chance p after each purchase. */
const simulatedShop = (customers: number, bgNbd: BgNbdParameters, spend: GammaGammaParameters, seed: number): { histories: PurchaseHistory[]; spend: SpendHistory[] } => {
  const random = seeded(seed);
  const histories: PurchaseHistory[] = [];
  const spends: SpendHistory[] = [];
  for (let index = 0; index < customers; index += 1) {
    const rate = random.gamma(bgNbd.r, bgNbd.alpha);
    const leaving = random.gamma(bgNbd.a, 1);
    const dropOut = leaving / (leaving + random.gamma(bgNbd.b, 1));
    const T = 27 + 12 * random.uniform();
    let at = 0;
    let x = 0;
    let tx = 0;
    for (;;) {
      at += random.gamma(1, rate);
      if (at > T) break;
      x += 1;
      tx = at;
      if (random.uniform() < dropOut) break;
    }
    histories.push({ x, tx, T });
    if (x > 0) {
      const scale = random.gamma(spend.q, spend.gamma);
      let total = 0;
      for (let purchase = 0; purchase < x; purchase += 1) total += random.gamma(spend.p, scale);
      spends.push({ n: x, mean: total / x });
    }
  }
  return { histories, spend: spends };
};

const near = (value: number, expected: number, relative: number) => expect(Math.abs(value - expected) / expected).toBeLessThan(relative);

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

describe('BG/NBD with the paper’s parameters (Fader, Hardie & Lee 2005)', () => {
  it('expects 1.226 purchases in 39 weeks from x = 2, t_x = 30.43, T = 38.86, as the paper works out', () => {
    const customer: PurchaseHistory = { x: 2, tx: 30.43, T: 38.86 };
    expect(expectedPurchases(39, customer, paperBgNbd)).toBeCloseTo(1.226, 3);
    expect(probabilityAlive(customer, paperBgNbd)).toBeGreaterThan(0.5);
  });

  it('a customer long silent after many purchases is likely gone', () => {
    expect(probabilityAlive({ x: 10, tx: 5, T: 38.86 }, paperBgNbd)).toBeLessThan(0.1);
    expect(probabilityAlive({ x: 10, tx: 38, T: 38.86 }, paperBgNbd)).toBeGreaterThan(0.9);
  });
});

describe('fitting finds the parameters a shop was simulated from', () => {
  const shop = simulatedShop(20_000, paperBgNbd, paperGammaGamma, 20261205);

  it('BG/NBD: r, α, a and b', () => {
    const fit = fitBgNbd(shop.histories);
    near(fit.parameters.r, paperBgNbd.r, 0.1);
    near(fit.parameters.alpha, paperBgNbd.alpha, 0.15);
    near(fit.parameters.a, paperBgNbd.a, 0.3);
    near(fit.parameters.b, paperBgNbd.b, 0.35);
  });

  it('Gamma-Gamma: the population’s mean spend and its spread', () => {
    const fit = fitGammaGamma(shop.spend);
    const mean = ({ p, q, gamma }: GammaGammaParameters) => (p * gamma) / (q - 1);
    near(mean(fit.parameters), mean(paperGammaGamma), 0.1);
    near(fit.parameters.p, paperGammaGamma.p, 0.25);
  });
});

/**
 * The CDNOW sample itself (2,357 customers; x, t_x, T in weeks and zbar, the mean repeat spend), as
 * the MIT-licensed lifetimes repository publishes it (test/fixtures/value/, with its licence).
 */
const cdnowFile = path.join(__dirname, '../fixtures/value/cdnow_customers_summary_with_transactions.csv');
const cdnow = (() => {
  const [header, ...lines] = readFileSync(cdnowFile, 'utf8').trim().split(/\r?\n/);
  const columns = (header ?? '').split(',');
  const column = (name: string) => columns.indexOf(name);
  const [x, tx, T, zbar] = [column('x'), column('t_x'), column('T'), column('zbar')];
  return lines.map((line) => {
    const cells = line.split(',').map(Number);
    return { x: cells[x] ?? Number.NaN, tx: cells[tx] ?? Number.NaN, T: cells[T] ?? Number.NaN, monetary: cells[zbar] ?? Number.NaN };
  });
})();

describe('the CDNOW sample gives the published fits', () => {
  it('BG/NBD: r 0.243, α 4.414, a 0.793, b 2.426', () => {
    const fit = fitBgNbd(cdnow);
    expect(cdnow).toHaveLength(2357);
    expect(fit.parameters.r).toBeCloseTo(0.243, 3);
    expect(fit.parameters.alpha).toBeCloseTo(4.414, 2);
    expect(fit.parameters.a).toBeCloseTo(0.793, 3);
    expect(fit.parameters.b).toBeCloseTo(2.426, 2);
    expect(fit.logLikelihood).toBeCloseTo(-9582.4, 1);
    expect(expectedPurchases(39, { x: 2, tx: 30.43, T: 38.86 }, fit.parameters)).toBeCloseTo(1.226, 3);
  });

  it('Gamma-Gamma on the repeat customers: p 6.25, q 3.74, γ 15.44', () => {
    const repeat = cdnow.filter((customer) => customer.x > 0).map((customer) => ({ n: customer.x, mean: customer.monetary }));
    const fit = fitGammaGamma(repeat);
    expect(repeat).toHaveLength(946);
    expect(fit.parameters.p).toBeCloseTo(6.25, 1);
    expect(fit.parameters.q).toBeCloseTo(3.74, 1);
    expect(fit.parameters.gamma).toBeCloseTo(15.44, 1);
  });
});

describe('Gamma-Gamma expected spend', () => {
  it('pulls a customer’s expected spend from the shop’s mean towards their own, more with more purchases', () => {
    const shopMean = expectedSpend({ n: 0, mean: 0 }, paperGammaGamma);
    expect(shopMean).toBeCloseTo((6.25 * 15.44) / 2.74, 6);
    const once = expectedSpend({ n: 1, mean: 100 }, paperGammaGamma);
    const often = expectedSpend({ n: 10, mean: 100 }, paperGammaGamma);
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
