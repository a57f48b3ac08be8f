import type { MatrixCell } from '../../../../shared/contract/loyalty';
import { quadrants, type Quadrant } from '../../../../shared/loyalty/quadrant';
import type { DashboardProvider } from './provider';
import { matrixCells, unansweredCount } from './queries';

/**
 * The satisfaction × loyalty scatter as it stands today, aggregated into cells (half a level by a
 * tenth of loyalty): at most 7 × 11 × 4 points whatever the size of the book.
 */
export const matrixProvider: DashboardProvider = {
  name: 'quadrants',
  load: (db) => {
    const counts = Object.fromEntries(quadrants.map((quadrant) => [quadrant, 0])) as Record<Quadrant, number>;
    const cells: MatrixCell[] = matrixCells(db).map((row) => {
      const quadrant = row.quadrant as Quadrant;
      counts[quadrant] += row.customers;
      return { satisfaction: row.satisfaction, loyalty: row.loyalty, customers: row.customers, quadrant };
    });
    return { empty: cells.length === 0, data: { shape: 'matrix', cells, quadrants: counts, unanswered: unansweredCount(db) } };
  },
};
