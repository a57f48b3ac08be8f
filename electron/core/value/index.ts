// The feature's surface: what other features may import from it (lint: boundaries/dependencies).

/** Customer value predictions: fitting the model, its job and schedule. */
export { refreshCustomersValue, valueHorizonOf } from './fit';
export { fitValueJob } from './job';
export { customerValueFigures, toValueFitInfo } from './present';
export { latestValueFit } from './queries';
