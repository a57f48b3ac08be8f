import type { ExportKind } from '../../../../shared/contract/transfer';
import type { Db } from '../../db/connection';
import { complaintPromisesExport, complaintsExport, complaintTransitionsExport } from './complaints';
import { customersExport } from './customers';
import { referralRewardsExport, referralsExport } from './referrals';
import { remindersExport, statusEventsExport, winBackAttemptsExport } from './reminders';
import { satisfactionExport, staffExport } from './sections';
import type { ExportTable } from './table';
import { visitsExport } from './visits';

/**
 * The export registry. A feature that keeps records of its own (complaints, referrals, reminders)
 * adds its table here, one line; CSV, the full JSON export and the counts a backup shows follow.
 * Order matters only for the JSON file: referenced tables before the tables that refer to them.
 */
export const exportTables: readonly ExportTable[] = [
  staffExport,
  customersExport,
  visitsExport,
  satisfactionExport,
  remindersExport,
  winBackAttemptsExport,
  statusEventsExport,
  complaintsExport,
  complaintPromisesExport,
  complaintTransitionsExport,
  referralsExport,
  referralRewardsExport,
];

/** The table behind each kind the owner can export on its own: a kind without one does not compile. */
export const exportTableOf: Readonly<Record<ExportKind, ExportTable>> = {
  customers: customersExport,
  visits: visitsExport,
  complaints: complaintsExport,
  referrals: referralsExport,
  reminders: remindersExport,
};

/** Everything a backup lists under "what it holds". */
export const bookCounts = (db: Db): Record<string, number> => Object.assign({}, ...exportTables.map((table) => table.counts(db)));
