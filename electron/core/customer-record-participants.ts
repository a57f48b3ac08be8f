import { complaintsRecords } from './complaints';
import type { CustomerRecordsParticipant } from './customer-records';
import { importedHistoryRecords } from './history';
import { loyaltyRecords } from './loyalty';
import { referralsRecords } from './referrals';
import { remindersRecords } from './reminders';
import { visitsRecords } from './visits';

/**
 * Every feature that keeps rows about a customer, in dependency order (a feature whose rows point at
 * another's comes after it): merges move them in this order, purges delete them in reverse. Apart
 * from core.ts so the job worker's sync (a merge made on another device takes these rows along)
 * does not load every handler with it.
 */
export const customerRecordParticipants: readonly CustomerRecordsParticipant[] = [visitsRecords, importedHistoryRecords, remindersRecords, complaintsRecords, referralsRecords, loyaltyRecords];
