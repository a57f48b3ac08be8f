import { expectedPurchases, fitBgNbd, probabilityAlive, type BgNbdParameters, type PurchaseHistory } from './bg-nbd';
import { expectedSpend, fitGammaGamma, populationMeanSpend, type GammaGammaParameters } from './gamma-gamma';

/**
 * A customer's value from the shop's own history: the BG/NBD and Gamma-Gamma models fitted to the
 * book, or — with too little history to fit them — a plainly labelled simple estimate from the
 * shop's averages. Visits are counted in distinct shop-local days (at most one purchase a day) and
 * time in days. A customer with one visit day gets the population's estimate: the models at x = 0,
 * or the shop's averages; never a pace extrapolated from that one day.
 */

const daysPerYear = 365;

/** The fewest repeat customers (two or more visit days) the models are fitted on. */
export const minimumRepeatCustomers = 50;

/** More customers than this and the models are fitted on an even sample of them: the fit stays within seconds. */
export const fitSampleSize = 20_000;

export interface VisitDaysHistory {
  /** Distinct visit days after the first (x). */
  repeatDays: number;
  /** Days from the first visit day to the last (t_x). */
  lastDay: number;
  /** Days from the first visit day to today (T). */
  observedDays: number;
  /** Average spend per visit day, in minor units. */
  meanSpendMinor: number;
}

export type ValueModel =
  | { kind: 'model'; bgNbd: BgNbdParameters; gammaGamma: GammaGammaParameters }
  /** The shop's repeat visit days per customer-day observed, and its average spend per visit day. */
  | { kind: 'simple'; visitsPerDay: number; spendPerVisitMinor: number };

export interface ValueHorizon {
  years: number;
  /** Yearly discount rate, 0.1 for 10%; 0 counts future visits at face value. */
  annualDiscountRate: number;
}

export interface CustomerValue {
  /** 0–1; null where it cannot be told: one visit day (the BG/NBD sees a customer leave only after a repeat visit), or the simple estimate. */
  probabilityAlive: number | null;
  expectedVisitsNextYear: number;
  expectedSpendPerVisitMinor: number;
  lifetimeValueMinor: number;
}

const purchaseHistoryOf = (history: VisitDaysHistory): PurchaseHistory => ({ x: history.repeatDays, tx: history.lastDay, T: history.observedDays });

/** The whole years of the horizon and the remainder, as day boundaries: 3.5 years → 365, 730, 1095, 1277.5. */
const yearBoundaries = (years: number): number[] => {
  const boundaries: number[] = [];
  for (let year = 1; year < years; year += 1) boundaries.push(year * daysPerYear);
  boundaries.push(years * daysPerYear);
  return boundaries;
};

/** Visits expected in each year of the horizon, each year's discounted to today at its end. */
const discountedVisits = (expectedBy: (days: number) => number, horizon: ValueHorizon): number => {
  let total = 0;
  let before = 0;
  for (const boundary of yearBoundaries(horizon.years)) {
    const cumulative = expectedBy(boundary);
    total += (cumulative - before) / (1 + horizon.annualDiscountRate) ** (boundary / daysPerYear);
    before = cumulative;
  }
  return total;
};

export const customerValue = (history: VisitDaysHistory, model: ValueModel, horizon: ValueHorizon): CustomerValue => {
  if (model.kind === 'simple') {
    const spend = history.repeatDays > 0 ? history.meanSpendMinor : model.spendPerVisitMinor;
    const visits = discountedVisits((days) => model.visitsPerDay * days, horizon);
    return {
      probabilityAlive: null,
      expectedVisitsNextYear: model.visitsPerDay * daysPerYear,
      expectedSpendPerVisitMinor: Math.round(spend),
      lifetimeValueMinor: Math.round(spend * visits),
    };
  }
  const purchases = purchaseHistoryOf(history);
  const perVisit = history.repeatDays === 0 ? populationMeanSpend(model.gammaGamma) : expectedSpend({ n: history.repeatDays + 1, mean: history.meanSpendMinor }, model.gammaGamma);
  const visits = discountedVisits((days) => expectedPurchases(days, purchases, model.bgNbd), horizon);
  return {
    probabilityAlive: history.repeatDays === 0 ? null : probabilityAlive(purchases, model.bgNbd),
    expectedVisitsNextYear: expectedPurchases(daysPerYear, purchases, model.bgNbd),
    expectedSpendPerVisitMinor: Math.round(perVisit),
    lifetimeValueMinor: Math.round(perVisit * visits),
  };
};

export type SimpleReason = 'few_repeat_customers' | 'fit_failed';

export interface ValueModelFit {
  model: ValueModel;
  customers: number;
  repeatCustomers: number;
  /** How many customers the models were fitted on (all of them, or an even sample). */
  fittedOn: number;
  /** Why the simple estimate stands in for the models; null when they were fitted. */
  simpleBecause: SimpleReason | null;
  logLikelihood: number | null;
}

const simpleModelOf = (histories: readonly VisitDaysHistory[]): ValueModel => {
  let repeatDays = 0;
  let observedDays = 0;
  let spend = 0;
  let visitDays = 0;
  for (const history of histories) {
    repeatDays += history.repeatDays;
    observedDays += history.observedDays;
    spend += history.meanSpendMinor * (history.repeatDays + 1);
    visitDays += history.repeatDays + 1;
  }
  return { kind: 'simple', visitsPerDay: observedDays > 0 ? repeatDays / observedDays : 0, spendPerVisitMinor: visitDays > 0 ? spend / visitDays : 0 };
};

/** Every k-th history, so a large book is fitted on an even spread of it (histories come in a stable order). */
const evenSample = <T>(items: readonly T[], size: number): readonly T[] => {
  if (items.length <= size) return items;
  const step = items.length / size;
  return Array.from({ length: size }, (_, index) => items[Math.floor(index * step)] as T);
};

const positiveAndFinite = (values: readonly number[]): boolean => values.every((value) => Number.isFinite(value) && value > 0);

/** Fits both models to the book's histories, or says why the simple estimate stands in. */
export const fitValueModel = (histories: readonly VisitDaysHistory[]): ValueModelFit => {
  const repeatCustomers = histories.reduce((count, history) => count + (history.repeatDays > 0 ? 1 : 0), 0);
  const simple = (simpleBecause: SimpleReason): ValueModelFit => ({ model: simpleModelOf(histories), customers: histories.length, repeatCustomers, fittedOn: 0, simpleBecause, logLikelihood: null });
  if (repeatCustomers < minimumRepeatCustomers) return simple('few_repeat_customers');
  const sample = evenSample(histories, fitSampleSize);
  const bgNbd = fitBgNbd(sample.map(purchaseHistoryOf));
  const gammaGamma = fitGammaGamma(sample.filter((history) => history.repeatDays > 0).map((history) => ({ n: history.repeatDays + 1, mean: history.meanSpendMinor })));
  const { r, alpha, a, b } = bgNbd.parameters;
  const { p, q, gamma } = gammaGamma.parameters;
  // The shop's mean spend per visit exists only for q > 1.
  if (!positiveAndFinite([r, alpha, a, b, p, q, gamma]) || q <= 1) return simple('fit_failed');
  return { model: { kind: 'model', bgNbd: bgNbd.parameters, gammaGamma: gammaGamma.parameters }, customers: histories.length, repeatCustomers, fittedOn: sample.length, simpleBecause: null, logLikelihood: bgNbd.logLikelihood };
};
