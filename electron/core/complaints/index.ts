// The feature's surface: what other features may import from it (lint: boundaries/dependencies).

/** Complaints, their promises and lifecycle, settings, and what they add to a customer's records. */
export { countComplaintPromisesForExport, countComplaintsForExport, countComplaintTransitionsForExport, exportComplaintPromiseRows, exportComplaintRows, exportComplaintTransitionRows } from './export-queries';
export type { DbExportComplaint, DbExportComplaintPromise, DbExportComplaintTransition } from './export-queries';
export { settleBeforeReading, settleMissedPromises } from './promises';
export { boardRows, insertComplaint, insertComplaintSatisfaction, insertPromise, insertTransition, settlePromiseRow, updateComplaint, updateEscalation } from './queries';
export { complaintsOf } from './read';
export { openingHoursOf, promiseHours, readComplaintSettings } from './settings';
export { complaintsBetween } from './stats-queries';
