// The feature's surface: what other features may import from it (lint: boundaries/dependencies).

/** Customer value predictions: the fit, its job, and the figures shown. */
export { refreshCustomersValue, valueHorizonOf } from './fit';
export { fitValueJob } from './job';
export { customerValueFigures, toValueFitInfo } from './present';
export { latestValueFit } from './queries';
