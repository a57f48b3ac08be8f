import type { CustomerValueFigures, ValueFitInfo } from '../../../shared/contract/loyalty';
import { customerValue, minimumRepeatCustomers, type ValueHorizon } from '../../../shared/loyalty/value-model/customer-value';
import type { Db } from '../db/connection';
import { shopTimeZone } from '../reminders';
import { storedValueModel, valueHorizonOf } from './fit';
import { readHistories } from './histories';
import { latestValueFit, type DbValueFit } from './queries';

export const toValueFitInfo = (fit: DbValueFit, horizon: ValueHorizon): ValueFitInfo => ({
  fittedAt: fit.fitted_at,
  basis: fit.basis,
  simpleBecause: fit.simple_because,
  customers: fit.customers,
  repeatCustomers: fit.repeat_customers,
  minimumRepeatCustomers,
  horizonYears: horizon.years,
  annualDiscountRate: horizon.annualDiscountRate,
});

/** One customer's value under the fit in force, worked out now from their history, with its inputs. */
export const customerValueFigures = (db: Db, customerId: string, now: Date): CustomerValueFigures => {
  const fit = latestValueFit(db);
  const horizon = valueHorizonOf(db);
  const history = readHistories(db, shopTimeZone(db), now, [customerId])[0]?.history ?? null;
  const model = storedValueModel(fit);
  const inputs =
    history === null
      ? null
      : {
          visitDays: history.repeatDays + 1,
          daysSinceFirstVisit: history.observedDays,
          daysSinceLastVisit: history.observedDays - history.lastDay,
          averageSpendMinor: Math.round(history.meanSpendMinor),
        };
  if (fit === null || model === null || history === null) {
    return { fit: fit === null ? null : toValueFitInfo(fit, horizon), inputs, probabilityAlive: null, expectedVisitsNextYear: null, expectedSpendPerVisitMinor: null, lifetimeValueMinor: null };
  }
  const value = customerValue(history, model, horizon);
  return {
    fit: toValueFitInfo(fit, horizon),
    inputs,
    probabilityAlive: value.probabilityAlive,
    expectedVisitsNextYear: Math.round(value.expectedVisitsNextYear * 10) / 10,
    expectedSpendPerVisitMinor: value.expectedSpendPerVisitMinor,
    lifetimeValueMinor: value.lifetimeValueMinor,
  };
};
