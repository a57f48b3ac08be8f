import { customerValue, fitValueModel, type ValueHorizon, type ValueModel, type ValueModelFit } from '../../../shared/loyalty/value-model/customer-value';
import type { LoyaltySettings } from '../../../shared/contract/loyalty';
import type { Db } from '../db/connection';
import { newId } from '../db/ids';
import { readLoyaltySettings } from '../loyalty';
import { shopTimeZone } from '../reminders';
import { readHistories, type CustomerHistory } from './histories';
import { insertValueFit, writeSnapshotPredictions, writeValuePredictions, type DbValueFit, type DbValuePrediction, type ValueScope } from './queries';

/** The horizon and discount in loyalty settings already read (the derived data's environment reads them once per write). */
export const valueHorizonFrom = (settings: Pick<LoyaltySettings, 'remainingYears' | 'valueDiscountPercent'>): ValueHorizon => ({
  years: settings.remainingYears,
  annualDiscountRate: settings.valueDiscountPercent / 100,
});

/** The horizon and discount the shop set (Settings → Tiers and customer value). */
export const valueHorizonOf = (db: Db): ValueHorizon => valueHorizonFrom(readLoyaltySettings(db));

/** The model in force: the newest fit's parameters, or null before the first fit. */
export const storedValueModel = (fit: DbValueFit | null): ValueModel | null => {
  if (fit === null) return null;
  const parameters = JSON.parse(fit.parameters_json) as Omit<ValueModel, 'kind'>;
  return { kind: fit.basis, ...parameters } as ValueModel;
};

/** A customer's stored predictions from their history under a model; empty without a history. */
export const predictionOf = (customer: CustomerHistory, model: ValueModel, horizon: ValueHorizon): DbValuePrediction => {
  if (customer.history === null) {
    return { customer_id: customer.customerId, value_probability_alive: null, value_expected_visits: null, value_spend_per_visit_minor: null, value_lifetime_minor: null };
  }
  const value = customerValue(customer.history, model, horizon);
  return {
    customer_id: customer.customerId,
    value_probability_alive: value.probabilityAlive,
    value_expected_visits: Math.round(value.expectedVisitsNextYear * 100) / 100,
    value_spend_per_visit_minor: Math.max(0, value.expectedSpendPerVisitMinor),
    value_lifetime_minor: Math.max(0, value.lifetimeValueMinor),
  };
};

const parametersOf = (model: ValueModel): Omit<ValueModel, 'kind'> => {
  const { kind: _kind, ...parameters } = model;
  return parameters;
};

export interface ValueFitOutcome {
  fitId: string;
  basis: ValueModel['kind'];
  simpleBecause: ValueModelFit['simpleBecause'];
  customers: number;
  repeatCustomers: number;
  fittedOn: number;
  /** Reading the book, fitting, predicting every customer: what the owner waits for, in milliseconds. */
  readMs: number;
  fitMs: number;
  predictMs: number;
  writeMs: number;
}

/**
 * Fits the models to the whole book and stores the fit and every customer's predictions. Reading
 * and fitting take no lock (the counter writes on meanwhile); the writes are one short transaction
 * that leaves alone a customer whose visits changed since they were read. `stored` runs in that
 * transaction, after the fit is in the book.
 */
export const fitAndStoreValueModel = (db: Db, now: Date, clock: () => number = () => performance.now(), stored: (fitId: string) => void = () => undefined): ValueFitOutcome => {
  const started = clock();
  const zone = shopTimeZone(db);
  const horizon = valueHorizonOf(db);
  const customers = db.transaction(() => readHistories(db, zone, now, null)).deferred();
  const read = clock();
  const fit = fitValueModel(customers.flatMap((customer) => (customer.history === null ? [] : [customer.history])));
  const fitted = clock();
  const predictions = customers.map((customer) => predictionOf(customer, fit.model, horizon));
  const predicted = clock();
  const fitId = newId();
  db.transaction(() => {
    writeSnapshotPredictions(db, customers.map((customer, index) => ({ prediction: predictions[index] as DbValuePrediction, visitCount: customer.visitCount })));
    insertValueFit(db, {
      id: fitId,
      fitted_at: now.toISOString(),
      basis: fit.model.kind,
      simple_because: fit.simpleBecause,
      customers: fit.customers,
      repeat_customers: fit.repeatCustomers,
      fitted_on: fit.fittedOn,
      parameters_json: JSON.stringify(parametersOf(fit.model)),
      log_likelihood: fit.logLikelihood,
      horizon_years: horizon.years,
      annual_discount_rate: horizon.annualDiscountRate,
      duration_ms: Math.round(clock() - started),
    });
    stored(fitId);
  }).immediate();
  const written = clock();
  return {
    fitId,
    basis: fit.model.kind,
    simpleBecause: fit.simpleBecause,
    customers: fit.customers,
    repeatCustomers: fit.repeatCustomers,
    fittedOn: fit.fittedOn,
    readMs: Math.round(read - started),
    fitMs: Math.round(fitted - read),
    predictMs: Math.round(predicted - fitted),
    writeMs: Math.round(written - predicted),
  };
};

/** What predictions are made under: the model in force (null before the first fit), its horizon, the shop's zone, now. */
export interface ValuePricing {
  model: ValueModel | null;
  horizon: ValueHorizon;
  zone: string;
  now: Date;
}

/** The pricing in force, from what the derived data's environment read once per write. */
export const valuePricing = (fit: DbValueFit | null, horizon: ValueHorizon, zone: string, now: Date): ValuePricing => ({ model: storedValueModel(fit), horizon, zone, now });

/**
 * Predictions again under the fit in force, as of now: for the customers a write touched, for a
 * chunk of the pass in steps (a range of ids), or for every customer (`null`: a new day, fit or
 * horizon). The next fit refits the model itself; before the first fit there is nothing to do.
 */
export const refreshCustomersValue = (db: Db, customers: ValueScope, pricing: ValuePricing): void => {
  const { model, horizon } = pricing;
  if (model === null || (Array.isArray(customers) && customers.length === 0)) return;
  writeValuePredictions(
    db,
    readHistories(db, pricing.zone, pricing.now, customers).map((customer) => predictionOf(customer, model, horizon)),
  );
};
