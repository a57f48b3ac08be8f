// The feature's surface: what other features may import from it (lint: boundaries/dependencies).

/** Customer value predictions: the fit and the figures shown (its job is derive’s: it remakes a derived figure). */
export { fitAndStoreValueModel, refreshCustomersValue, valueHorizonFrom, valueHorizonOf, valuePricing } from './fit';
export type { ValueFitOutcome, ValuePricing } from './fit';
export { customerValueFigures, toValueFitInfo } from './present';
export { latestValueFit } from './queries';
