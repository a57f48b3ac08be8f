import type { Migration } from './types';

/**
 * Deleting a row that others may refer to makes SQLite look for those references (foreign keys are
 * on). Two references had no index to look them up by, so each delete read the whole referring
 * table (measured on the full bench book):
 *
 * - a satisfaction answer, referred to by the complaint it closed: purging a customer deletes their
 *   answers, and each read all 20,000 complaints — 5 ms an answer; 0.01 ms with the index;
 * - a reminder, referred to by the win-back attempt made from it: merges, purges and withdrawn
 *   referral rewards delete reminders, and each read all 13,000 attempts — 0.7–1 ms; 0.05–0.1 ms.
 *
 * Partial: most attempts and complaints refer to nothing, and a reference lookup never asks for NULL.
 * The references to staff stay unindexed: staff are made inactive, never deleted.
 */
export const migration030: Migration = {
  version: 30,
  name: 'indexes for looking up references to answers and reminders',
  up: (db) => {
    db.exec(`
      CREATE INDEX complaints_satisfaction_answer ON complaints (satisfaction_answer_id) WHERE satisfaction_answer_id IS NOT NULL;
      CREATE INDEX win_back_attempts_reminder ON win_back_attempts (reminder_id) WHERE reminder_id IS NOT NULL;
    `);
  },
};
