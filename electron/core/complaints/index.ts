// The feature's surface: what other features may import from it (lint: boundaries/dependencies).

/** Complaints: their rows and promises for other features' writes, reads, settings and export rows. */
export { countComplaintPromisesForExport, countComplaintsForExport, countComplaintTransitionsForExport, exportComplaintPromiseRows, exportComplaintRows, exportComplaintTransitionRows } from './export-queries';
export type { DbExportComplaint, DbExportComplaintPromise, DbExportComplaintTransition } from './export-queries';
export { settleBeforeReading, settleMissedPromises } from './promises';
export { boardRows, insertComplaint, insertComplaintSatisfaction, insertPromise, insertTransition, setComplaintDetail, settlePromiseRow, updateComplaint, updateEscalation } from './queries';
export type { ComplaintDetailColumn } from './queries';
export { complaintsOf } from './read';
export { complaintsRecords } from './records';
export { complaintReminderKinds } from './reminder-kinds';
export { openingHoursOf, promiseHours, readComplaintSettings } from './settings';
export { complaintsBetween } from './stats-queries';
