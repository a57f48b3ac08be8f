import type { z } from 'zod';
import type { RecordCount } from '../../shared/contract/customer-records';
import type { Result } from '../../shared/result';
import type { Db } from './db/connection';

/** A customer as the merge sees it: the text id other tables refer to, and the rid the search indexes use. */
export interface CustomerRef {
  id: string;
  rid: number;
}

/**
 * The seam through which every feature that keeps rows about a customer takes part in merging two
 * customers and in deleting one for good. The core never needs to know which tables exist: visits,
 * complaints, reminders and referrals each register one participant (see `customerRecordParticipants`
 * in core.ts). Each step runs inside the merge's or the purge's transaction.
 */
export interface CustomerRecordsParticipant<Moved = unknown> {
  /** Stable: stored with each merge, so an undo finds the participant that moved the rows. */
  name: string;
  /** What this feature holds for one customer, by kind (the merge and purge confirmations show them). */
  count(db: Db, customerId: string): RecordCount[];
  /**
   * Refuses a merge this feature cannot make sense of, before anything moves. Referrals use it to
   * refuse (or plan around) a merge that would make a customer refer themselves or close a cycle.
   */
  checkMerge?(db: Db, survivor: CustomerRef, absorbed: CustomerRef): Result<null>;
  /**
   * Moves this feature's rows from the absorbed customer to the survivor and answers exactly what it
   * changed (ids, and any links it re-pointed or dropped), as JSON the undo gets back.
   */
  moveForMerge(db: Db, survivor: CustomerRef, absorbed: CustomerRef): Moved;
  /** Checks what `moveForMerge` answered, as read back from the book. */
  moved: z.ZodType<Moved>;
  /**
   * Puts back what `moveForMerge` moved, after the absorbed customer's row is back. Rows created on
   * the survivor since the merge stay with the survivor.
   */
  undoMerge(db: Db, survivor: CustomerRef, absorbed: CustomerRef, moved: Moved): void;
  /** Deletes everything this feature holds for the customer, before the customer row goes. */
  purge(db: Db, customerId: string): void;
  /** Deletes what this feature ties to one archived visit, before that visit is deleted for good. */
  purgeVisit?(db: Db, visitId: string): void;
  /**
   * After a merge or its undo, once every participant has moved its rows: other customers whose
   * derived figures the moves changed (a referrer whose referred customer moved), so the merge's
   * one derived pass (electron/core/derive) covers them too.
   */
  alsoTouched?(db: Db, customerIds: readonly string[]): readonly string[];
  /** Reminder kinds not tied to one customer (a complaint's deadline) that the moves change: made anew for the whole book. */
  bookReminderKinds?: readonly string[];
}

/** Defines a participant with its own `Moved` shape; the merge treats every participant alike. */
export const participant = <Moved>(definition: CustomerRecordsParticipant<Moved>): CustomerRecordsParticipant =>
  definition as unknown as CustomerRecordsParticipant;
