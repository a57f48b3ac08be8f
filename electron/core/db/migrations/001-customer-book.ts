import type { Migration } from './types';

/** Rebuilds one customer's full-text row from the customer and its phones and tags. */
const refreshSearchRow = (customerId: string): string => `
  DELETE FROM customers_fts WHERE rowid = (SELECT rid FROM customers WHERE id = ${customerId});
  INSERT INTO customers_fts (rowid, name, phones, email, tags, notes)
    SELECT c.rid, c.name,
      coalesce((SELECT group_concat(p.search_digits, ' ') FROM customer_phones p WHERE p.customer_id = c.id), ''),
      c.email,
      coalesce((SELECT group_concat(t.value, ' ') FROM customer_tags t WHERE t.customer_id = c.id), ''),
      c.notes
    FROM customers c WHERE c.id = ${customerId};`;

export const migration001: Migration = {
  version: 1,
  name: 'customer book, visits and contacts, staff, settings',
  up: (db) => {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE staff (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL
      ) STRICT;

      -- rid is the stable integer key the search indexes point at (a plain rowid may change on VACUUM);
      -- id is the globally unique text id other tables and other devices refer to.
      CREATE TABLE customers (
        rid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL,
        email TEXT NOT NULL DEFAULT '',
        email_key TEXT NOT NULL DEFAULT '',
        birthday_month INTEGER CHECK (birthday_month BETWEEN 1 AND 12),
        birthday_day INTEGER CHECK (birthday_day BETWEEN 1 AND 31),
        birthday_year INTEGER,
        address TEXT NOT NULL DEFAULT '',
        gender TEXT CHECK (gender IN ('female', 'male', 'other')),
        notes TEXT NOT NULL DEFAULT '',
        source TEXT CHECK (source IN ('walk_in', 'referral', 'social_media', 'event', 'online', 'other')),
        need_type TEXT CHECK (need_type IN ('price', 'value', 'composite')),
        owner_staff_id TEXT REFERENCES staff (id),
        consent_contact INTEGER NOT NULL DEFAULT 0 CHECK (consent_contact IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        archived_at TEXT,
        -- Activity summary, maintained by the visits module on every write and rebuilt by its full pass.
        first_visit_at TEXT,
        last_visit_at TEXT,
        last_contact_at TEXT,
        last_seen_at TEXT NOT NULL,
        visit_count INTEGER NOT NULL DEFAULT 0,
        revenue_minor INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      -- The customer list pages through these (recently seen, by name, newest first). The partial
      -- twins cover the usual list without archived customers: OFFSET walks only the index and
      -- count(*) reads the smallest one, instead of the whole table.
      CREATE INDEX customers_last_seen ON customers (last_seen_at);
      CREATE INDEX customers_active_last_seen ON customers (last_seen_at) WHERE archived_at IS NULL;
      CREATE INDEX customers_name ON customers (name COLLATE NOCASE);
      CREATE INDEX customers_active_name ON customers (name COLLATE NOCASE) WHERE archived_at IS NULL;
      CREATE INDEX customers_active_rid ON customers (rid) WHERE archived_at IS NULL;
      -- Duplicate checks at entry look up the exact name key and e-mail.
      CREATE INDEX customers_name_key ON customers (name_key);
      CREATE INDEX customers_email_key ON customers (email_key) WHERE email_key <> '';
      CREATE INDEX customers_owner_staff ON customers (owner_staff_id) WHERE owner_staff_id IS NOT NULL;

      CREATE TABLE customer_phones (
        customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        display TEXT NOT NULL,
        e164 TEXT,
        match_key TEXT NOT NULL,
        national_reversed TEXT NOT NULL,
        search_digits TEXT NOT NULL,
        PRIMARY KEY (customer_id, position)
      ) STRICT, WITHOUT ROWID;
      -- "Last 4 digits" is a prefix range on the reversed national number: an index seek, not a scan.
      CREATE INDEX customer_phones_suffix ON customer_phones (national_reversed);
      CREATE INDEX customer_phones_match ON customer_phones (match_key);

      CREATE TABLE customer_tags (
        customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('tag', 'interest')),
        position INTEGER NOT NULL,
        value TEXT NOT NULL,
        value_key TEXT NOT NULL,
        PRIMARY KEY (customer_id, kind, position)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX customer_tags_value ON customer_tags (kind, value_key);

      -- 1–2 character name searches (王小, Li): the trigram index cannot answer them.
      CREATE TABLE customer_name_grams (
        gram TEXT NOT NULL,
        customer_rid INTEGER NOT NULL REFERENCES customers (rid) ON DELETE CASCADE,
        PRIMARY KEY (gram, customer_rid)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX customer_name_grams_customer ON customer_name_grams (customer_rid);

      CREATE VIRTUAL TABLE customers_fts USING fts5 (
        name, phones, email, tags, notes,
        content = '', contentless_delete = 1,
        tokenize = 'trigram remove_diacritics 1'
      );

      CREATE TRIGGER customers_fts_insert AFTER INSERT ON customers BEGIN ${refreshSearchRow('NEW.id')} END;
      CREATE TRIGGER customers_fts_update AFTER UPDATE OF name, email, notes ON customers BEGIN ${refreshSearchRow('NEW.id')} END;
      CREATE TRIGGER customers_fts_delete AFTER DELETE ON customers BEGIN
        DELETE FROM customers_fts WHERE rowid = OLD.rid;
      END;
      CREATE TRIGGER customer_phones_fts_insert AFTER INSERT ON customer_phones BEGIN ${refreshSearchRow('NEW.customer_id')} END;
      CREATE TRIGGER customer_phones_fts_delete AFTER DELETE ON customer_phones BEGIN ${refreshSearchRow('OLD.customer_id')} END;
      CREATE TRIGGER customer_tags_fts_insert AFTER INSERT ON customer_tags BEGIN ${refreshSearchRow('NEW.customer_id')} END;
      CREATE TRIGGER customer_tags_fts_delete AFTER DELETE ON customer_tags BEGIN ${refreshSearchRow('OLD.customer_id')} END;

      -- Visits (sales) and contacts (calls, messages, home visits) share one table: both keep the
      -- relationship alive and both appear on the timeline. Walk-in visits have no customer.
      CREATE TABLE visits (
        id TEXT PRIMARY KEY,
        customer_id TEXT REFERENCES customers (id),
        kind TEXT NOT NULL CHECK (kind IN ('visit', 'contact')),
        occurred_at TEXT NOT NULL,
        amount_minor INTEGER CHECK (amount_minor IS NULL OR amount_minor >= 0),
        channel TEXT NOT NULL CHECK (channel IN ('store', 'phone', 'online', 'delivery', 'call', 'message', 'home_visit')),
        items TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        staff_id TEXT REFERENCES staff (id),
        created_at TEXT NOT NULL,
        archived_at TEXT,
        CHECK (kind = 'visit' OR (amount_minor IS NULL AND customer_id IS NOT NULL)),
        CHECK ((kind = 'visit') = (channel IN ('store', 'phone', 'online', 'delivery')))
      ) STRICT;
      -- Timeline and activity summary: one customer's visits in time order.
      CREATE INDEX visits_customer_time ON visits (customer_id, occurred_at);
      -- The counter's "recent visits" and period figures read by time.
      CREATE INDEX visits_time ON visits (occurred_at);
      CREATE INDEX visits_staff ON visits (staff_id) WHERE staff_id IS NOT NULL;

      -- The three-level satisfaction scale (0 not satisfied … 3 will bring friends), from a visit,
      -- a complaint's after-resolution answer, or asked on its own.
      CREATE TABLE satisfaction_answers (
        id TEXT PRIMARY KEY,
        customer_id TEXT REFERENCES customers (id),
        level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 3),
        source TEXT NOT NULL CHECK (source IN ('visit', 'complaint', 'standalone')),
        visit_id TEXT REFERENCES visits (id) ON DELETE CASCADE,
        answered_at TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        staff_id TEXT REFERENCES staff (id),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX satisfaction_customer_time ON satisfaction_answers (customer_id, answered_at);
      CREATE UNIQUE INDEX satisfaction_visit ON satisfaction_answers (visit_id) WHERE visit_id IS NOT NULL;
    `);
  },
};
