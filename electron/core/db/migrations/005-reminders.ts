import type { Migration } from './types';

const lostReasons = "'price', 'discomfort', 'missing_feature', 'negative_encounter', 'poor_response', 'competitor', 'ethics', 'involuntary'";

export const migration005: Migration = {
  version: 5,
  name: 'reminders, customer rhythm and lapse, win-back attempts, lost and won back',
  up: (db) => {
    db.exec(`
      -- Each customer's own rhythm and lapse day, derived from their visits and contacts and the
      -- shop's lapse rules: kept current on every visit or contact and by a set-based full pass
      -- (electron/core/lapse). lapses_on is the shop-local day they count as lapsed, so "lapsed
      -- today" needs no daily recompute. lost_* mirror the latest lost / won-back event.
      ALTER TABLE customers ADD COLUMN visit_rhythm_days REAL;
      ALTER TABLE customers ADD COLUMN lapses_on TEXT;
      ALTER TABLE customers ADD COLUMN lost_at TEXT;
      ALTER TABLE customers ADD COLUMN lost_reason TEXT CHECK (lost_reason IN (${lostReasons}));
      -- A customer's rhythm reads their visits in time order from this index alone (kind and
      -- archived_at are in it so the planner can see it covers the query).
      CREATE INDEX visits_customer_visit_time ON visits (customer_id, occurred_at, kind, archived_at)
        WHERE kind = 'visit' AND archived_at IS NULL AND customer_id IS NOT NULL;
      -- Win-back reminders read the customers who lapsed recently and are still in play.
      CREATE INDEX customers_lapses_on ON customers (lapses_on) WHERE lapses_on IS NOT NULL AND archived_at IS NULL AND lost_at IS NULL;
      -- Follow-ups read the customers whose first visit was in the last weeks.
      CREATE INDEX customers_first_visit ON customers (first_visit_at) WHERE first_visit_at IS NOT NULL;
      -- Birthday reminders read the customers whose month-day falls in the next days.
      CREATE INDEX customers_birthday ON customers (birthday_month * 100 + birthday_day) WHERE birthday_month IS NOT NULL;

      -- One row per reason: (kind, reason_key) is unique whatever the status, so a reason never
      -- raises two reminders and one a person closed never comes back. Days are shop-local.
      CREATE TABLE reminders (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        reason_key TEXT NOT NULL,
        customer_id TEXT REFERENCES customers (id),
        subject_id TEXT,
        due_day TEXT NOT NULL,
        snoozed_until TEXT,
        agenda_day TEXT GENERATED ALWAYS AS (coalesce(snoozed_until, due_day)) VIRTUAL,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dismissed', 'obsolete')),
        note TEXT NOT NULL DEFAULT '',
        facts_json TEXT NOT NULL DEFAULT '{}',
        staff_id TEXT REFERENCES staff (id),
        -- Whose it is on the agenda: staff_id, else whoever looks after the customer (kept current
        -- by the reminders core when either changes), so the agenda filters without a join.
        assignee_id TEXT REFERENCES staff (id),
        outcome_note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        closed_at TEXT,
        closed_by_staff_id TEXT REFERENCES staff (id),
        CHECK ((status = 'open') = (closed_at IS NULL))
      ) STRICT;
      CREATE UNIQUE INDEX reminders_reason ON reminders (reason_key, kind);
      -- The agenda reads open reminders by day from this index alone (counts, filters, order).
      CREATE INDEX reminders_open_agenda ON reminders (agenda_day, kind, assignee_id) WHERE status = 'open';
      -- Generation reconciles each kind's open reminders.
      CREATE INDEX reminders_open_kind ON reminders (kind, reason_key) WHERE status = 'open';
      -- A customer's reminders (profile, incremental regeneration) and their closed ones (timeline).
      CREATE INDEX reminders_customer ON reminders (customer_id, status) WHERE customer_id IS NOT NULL;
      CREATE INDEX reminders_customer_closed ON reminders (customer_id, closed_at) WHERE status IN ('done', 'dismissed');

      CREATE TABLE win_back_attempts (
        id TEXT PRIMARY KEY,
        customer_id TEXT NOT NULL REFERENCES customers (id),
        reminder_id TEXT REFERENCES reminders (id),
        outcome TEXT NOT NULL CHECK (outcome IN ('came_back', 'declined', 'unreachable', 'no_answer')),
        note TEXT NOT NULL DEFAULT '',
        staff_id TEXT REFERENCES staff (id),
        attempted_at TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX win_back_attempts_customer ON win_back_attempts (customer_id, attempted_at);
      CREATE INDEX win_back_attempts_time ON win_back_attempts (attempted_at);

      -- Lost (with one of the eight reasons) and won back: history, never edited; a mistaken one is
      -- archived, and customers.lost_* are recomputed from what remains.
      CREATE TABLE customer_status_events (
        id TEXT PRIMARY KEY,
        customer_id TEXT NOT NULL REFERENCES customers (id),
        kind TEXT NOT NULL CHECK (kind IN ('lost', 'won_back')),
        reason TEXT CHECK (reason IN (${lostReasons})),
        note TEXT NOT NULL DEFAULT '',
        came_back_from TEXT CHECK (came_back_from IN ('lapsed', 'lost')),
        days_away INTEGER,
        after_attempt INTEGER NOT NULL DEFAULT 0 CHECK (after_attempt IN (0, 1)),
        visit_id TEXT REFERENCES visits (id),
        staff_id TEXT REFERENCES staff (id),
        at TEXT NOT NULL,
        created_at TEXT NOT NULL,
        archived_at TEXT,
        CHECK ((kind = 'lost') = (reason IS NOT NULL)),
        CHECK (kind = 'won_back' OR came_back_from IS NULL)
      ) STRICT;
      CREATE INDEX customer_status_customer ON customer_status_events (customer_id, at);
      CREATE INDEX customer_status_time ON customer_status_events (at) WHERE archived_at IS NULL;
      CREATE INDEX customer_status_visit ON customer_status_events (visit_id) WHERE visit_id IS NOT NULL;
    `);
  },
};
