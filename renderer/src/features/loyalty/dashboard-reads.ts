import type { InputOf } from '../../../../shared/contract';
import { dashboardSectionKinds } from '../../../../shared/loyalty/sections';

/** The dashboard's sections in the order they are shown (the core's providers are in the same order). */
export const dashboardOrder: readonly string[] = Object.keys(dashboardSectionKinds);

/**
 * The sections whose first read of a range walks every visit: the 80/20 curve, a few hundred
 * milliseconds on a book of a million, against tens for every other chart together.
 */
const walkingSections = ['pareto'];

/**
 * The dashboard's two reads, in the order they are asked: every other chart, then the curve. The
 * core answers one call at a time, so the curve asked first or with them would hold them back;
 * asked after, the screen draws them while the core reads it.
 */
export const dashboardReads = (range: { fromMonth: string; toMonth: string }): [InputOf<'loyalty-dashboard'>, InputOf<'loyalty-dashboard'>] => [
  { ...range, sections: dashboardOrder.filter((name) => !walkingSections.includes(name)) },
  { ...range, sections: walkingSections },
];
