// The feature's surface: what other features may import from it (lint: boundaries/dependencies).

/** Visits and contacts: logging, reading, presenting and their records. */
export { toVisit } from './present';
export { archivedVisitRows, countArchivedVisits, deleteVisit, getVisitRow, insertVisit, insertVisitSatisfaction } from './queries';
