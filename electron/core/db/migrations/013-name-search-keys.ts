import { nameSearchKeys } from '../../../../shared/search-keys';
import type { Migration } from './types';

/**
 * Spelled search keys of each customer's name — pinyin, pinyin initials, Latin names without their
 * punctuation, emoji (shared/search-keys.ts) — looked up by their start, so "lmh" and "lin mei"
 * find 林美華 and "obrien" finds O'Brien. Written by the customers module beside the name grams;
 * this step fills them in for the customers already in the book. It also indexes the customer
 * list's new sorts.
 */
export const migration013: Migration = {
  version: 13,
  name: 'name search keys (pinyin, initials, names without punctuation); list sorts by last visit, visits, spend',
  up: (db) => {
    db.exec(`
      CREATE TABLE customer_name_keys (
        key TEXT NOT NULL,
        customer_rid INTEGER NOT NULL REFERENCES customers (rid) ON DELETE CASCADE,
        PRIMARY KEY (key, customer_rid)
      ) STRICT, WITHOUT ROWID;
    `);
    const names = db.prepare<[], { rid: number; name: string }>('SELECT rid, name FROM customers');
    // Written in the primary key's order, then indexed by customer once: the fastest way to fill it.
    const entries: string[] = [];
    for (const { rid, name } of names.iterate()) {
      for (const key of nameSearchKeys(name)) entries.push(`${key}\u0000${rid}`);
    }
    entries.sort();
    const insert = db.prepare<[string, number]>('INSERT OR IGNORE INTO customer_name_keys (key, customer_rid) VALUES (?, ?)');
    for (const entry of entries) {
      const split = entry.lastIndexOf('\u0000');
      insert.run(entry.slice(0, split), Number(entry.slice(split + 1)));
    }
    db.exec(`
      CREATE INDEX customer_name_keys_customer ON customer_name_keys (customer_rid);
      -- A key search that matches a few thousand customers sorts them by last seen from this index
      -- alone, without reading each customer's row.
      CREATE INDEX customers_active_rid_seen ON customers (rid, last_seen_at) WHERE archived_at IS NULL;
      -- The customer list sorts by last visit, visits and spend as it does by last seen: by walking
      -- an index of the customers not archived (rid is the last key of each), never by sorting the book.
      CREATE INDEX customers_active_last_visit ON customers (last_visit_at) WHERE archived_at IS NULL;
      CREATE INDEX customers_active_visits ON customers (visit_count) WHERE archived_at IS NULL;
      CREATE INDEX customers_active_revenue ON customers (revenue_minor) WHERE archived_at IS NULL;
    `);
  },
};
