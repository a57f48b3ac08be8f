import type { Migration } from './types';

export const migration008: Migration = {
  version: 8,
  name: 'complaints with time-limited promises, transitions and escalation',
  up: (db) => {
    db.exec(`
      -- One complaint, carried by one staff member to the end. customer_id is null for an
      -- anonymous complaint. Times are UTC instants; replied_at / resolved_at are the first reply and
      -- the latest resolution, for the medians.
      CREATE TABLE complaints (
        id TEXT PRIMARY KEY,
        customer_id TEXT REFERENCES customers (id),
        channel TEXT NOT NULL CHECK (channel IN ('in_person', 'phone', 'message', 'online', 'other')),
        category TEXT NOT NULL CHECK (category IN ('product_quality', 'price', 'service_attitude', 'slow_response', 'missing_product', 'environment', 'other')),
        severity TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high')),
        description TEXT NOT NULL,
        owner_staff_id TEXT REFERENCES staff (id),
        state TEXT NOT NULL CHECK (state IN ('open', 'acknowledged', 'resolved', 'followed_up', 'closed')),
        received_at TEXT NOT NULL,
        -- The promises now running or last settled (complaint_promises rows; no foreign key, as those
        -- rows point back here and are made in the same transaction as this one).
        reply_promise_id TEXT NOT NULL,
        resolve_promise_id TEXT NOT NULL,
        replied_at TEXT,
        resolved_at TEXT,
        resolution TEXT NOT NULL DEFAULT '',
        compensation_kind TEXT CHECK (compensation_kind IN ('refund', 'discount', 'voucher', 'gift', 'redo', 'other')),
        compensation_minor INTEGER CHECK (compensation_minor >= 0),
        -- Escalation to the owner: what staff proposed and what the owner decided.
        escalation_status TEXT CHECK (escalation_status IN ('requested', 'approved', 'declined')),
        escalation_kind TEXT CHECK (escalation_kind IN ('refund', 'discount', 'voucher', 'gift', 'redo', 'other')),
        escalation_minor INTEGER CHECK (escalation_minor >= 0),
        escalation_note TEXT NOT NULL DEFAULT '',
        escalation_requested_at TEXT,
        escalation_decided_at TEXT,
        escalation_decision_note TEXT NOT NULL DEFAULT '',
        satisfaction_answer_id TEXT REFERENCES satisfaction_answers (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((compensation_kind IS NULL) = (compensation_minor IS NULL)),
        CHECK ((escalation_status IS NULL) = (escalation_requested_at IS NULL))
      ) STRICT;
      CREATE INDEX complaints_customer ON complaints (customer_id, received_at) WHERE customer_id IS NOT NULL;
      CREATE INDEX complaints_state ON complaints (state, received_at);
      CREATE INDEX complaints_received ON complaints (received_at);
      CREATE INDEX complaints_resolved ON complaints (resolved_at) WHERE resolved_at IS NOT NULL;

      -- Each promise made (reply by, resolve by; a reopen makes a new resolve-by). outcome is written
      -- once, when the promise is met or its deadline passes, and never recomputed: settled_at is the
      -- moment it was met, or the deadline itself when it was broken.
      CREATE TABLE complaint_promises (
        id TEXT PRIMARY KEY,
        complaint_id TEXT NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('reply', 'resolve')),
        due_at TEXT NOT NULL,
        outcome TEXT CHECK (outcome IN ('kept', 'broken')),
        settled_at TEXT,
        created_at TEXT NOT NULL,
        CHECK ((outcome IS NULL) = (settled_at IS NULL))
      ) STRICT;
      CREATE INDEX complaint_promises_complaint ON complaint_promises (complaint_id, kind, created_at);
      -- The sweep that records missed promises reads the unsettled ones by deadline.
      CREATE INDEX complaint_promises_running ON complaint_promises (due_at) WHERE outcome IS NULL;
      -- The stats read promises by the month they were settled in.
      CREATE INDEX complaint_promises_settled ON complaint_promises (settled_at) WHERE outcome IS NOT NULL;

      -- Every step of every complaint: who (role and staff member), when, from which state to which.
      CREATE TABLE complaint_transitions (
        id TEXT PRIMARY KEY,
        complaint_id TEXT NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
        action TEXT NOT NULL CHECK (action IN ('log', 'acknowledge', 'resolve', 'follow_up', 'close', 'reopen', 'escalate', 'approve', 'decline')),
        from_state TEXT,
        to_state TEXT NOT NULL,
        at TEXT NOT NULL,
        actor_role TEXT NOT NULL CHECK (actor_role IN ('owner', 'staff')),
        staff_id TEXT REFERENCES staff (id),
        note TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX complaint_transitions_complaint ON complaint_transitions (complaint_id, at);
    `);
  },
};
