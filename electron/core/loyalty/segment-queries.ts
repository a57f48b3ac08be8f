import type { SegmentFilter } from '../../../shared/contract/loyalty';
import type { Db } from '../db/connection';
import { statementsFor } from '../db/statements';

export interface DbSegmentRow {
  id: string;
  name: string;
  phones: string | null;
  tier: string | null;
  quadrant: string | null;
  lapses_on: string | null;
  lost_at: string | null;
  last_visit_at: string | null;
  revenue_12m_minor: number | null;
}

interface SegmentParameters {
  tier: string | null;
  quadrant: string | null;
  lapse: string | null;
  interest: string | null;
  today: string;
}

// Customers still in the book; a customer without a loyalty row (never recomputed) reads as Small.
// Tier and quadrant narrow through customer_loyalty_tier / _quadrant, the interest through
// customer_tags_value; biggest trailing-year spenders first, as a call list should start.
const where = `
  c.archived_at IS NULL
  AND (@tier IS NULL OR coalesce(l.tier, 'small') = @tier)
  AND (@quadrant IS NULL OR l.quadrant = @quadrant)
  AND (@lapse IS NULL
    OR (@lapse = 'lost' AND c.lost_at IS NOT NULL)
    OR (@lapse = 'lapsed' AND c.lost_at IS NULL AND c.lapses_on <= @today)
    OR (@lapse = 'active' AND c.lost_at IS NULL AND (c.lapses_on IS NULL OR c.lapses_on > @today)))
  AND (@interest IS NULL OR EXISTS (SELECT 1 FROM customer_tags t WHERE t.kind = 'interest' AND t.value_key = @interest AND t.customer_id = c.id))`;

const statements = statementsFor((db) => ({
  page: db.prepare<SegmentParameters & { limit: number; offset: number }, DbSegmentRow>(`
    SELECT c.id, c.name, (SELECT json_group_array(p.display) FROM customer_phones p WHERE p.customer_id = c.id) AS phones,
      l.tier, l.quadrant, c.lapses_on, c.lost_at, c.last_visit_at, l.revenue_12m_minor
    FROM customers c LEFT JOIN customer_loyalty l ON l.customer_id = c.id
    WHERE ${where}
    ORDER BY coalesce(l.revenue_12m_minor, 0) DESC, c.name COLLATE NOCASE
    LIMIT @limit OFFSET @offset`),
  count: db.prepare<SegmentParameters, number>(`SELECT count(*) FROM customers c LEFT JOIN customer_loyalty l ON l.customer_id = c.id WHERE ${where}`).pluck(),
  interests: db
    .prepare<[], string>(`
      SELECT min(t.value) FROM customer_tags t JOIN customers c ON c.id = t.customer_id
      WHERE t.kind = 'interest' AND c.archived_at IS NULL GROUP BY t.value_key ORDER BY count(*) DESC, min(t.value) LIMIT 200`)
    .pluck(),
}));

const parametersOf = (filter: SegmentFilter, interestKey: string | null, today: string): SegmentParameters => ({
  tier: filter.tier,
  quadrant: filter.quadrant,
  lapse: filter.lapse,
  interest: interestKey,
  today,
});

export const segmentPage = (db: Db, filter: SegmentFilter, interestKey: string | null, today: string, page: { limit: number; offset: number }): DbSegmentRow[] =>
  statements(db).page.all({ ...parametersOf(filter, interestKey, today), ...page });

export const segmentCount = (db: Db, filter: SegmentFilter, interestKey: string | null, today: string): number =>
  statements(db).count.get(parametersOf(filter, interestKey, today)) ?? 0;

export const interestTags = (db: Db): string[] => statements(db).interests.all();
