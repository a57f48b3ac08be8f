// The feature's surface: what other features may import from it (lint: boundaries/dependencies).

/** Visits and contacts: their rows for other features' writes, and presenting them. */
export { toVisit } from './present';
export { archivedVisitRows, countArchivedVisits, deleteVisit, getVisitRow, insertVisit, insertVisitSatisfaction } from './queries';
export { visitsRecords } from './records';
