import type { Migration } from './types';

export const migration012: Migration = {
  version: 12,
  name: 'contacts indexed for the derived activity summary',
  up: (db) => {
    db.exec(`
      -- Each customer's last contact, read by the activity summary (electron/core/derive): the
      -- contacts alone, a few percent of the visits table, without reading every visit's row.
      CREATE INDEX visits_customer_contact_time ON visits (customer_id, occurred_at)
        WHERE kind = 'contact' AND archived_at IS NULL AND customer_id IS NOT NULL;
    `);
  },
};
