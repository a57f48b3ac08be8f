import { DateTime } from 'luxon';

const dayMs = 86_400_000;
const weekMs = 7 * dayMs;
const hourMs = 3_600_000;

/** The shop's UTC offset in days over a stretch of time: `offsetDays` applies before `until` (the last stretch has none). */
export interface OffsetStretch {
  until: string | null;
  offsetDays: number;
}

const offsetMsAt = (zone: string, ms: number): number => (DateTime.fromMillis(ms, { zone: 'utc' }).setZone(zone).offset ?? 0) * 60_000;

/**
 * The zone's offset as stretches between its daylight-saving switches from `fromMs` to `toMs`, so
 * the database can put every visit on the shop's calendar with plain arithmetic: a week at a time,
 * and where the offset moved within a week, the switch found to the hour by halving.
 */
export const offsetStretches = (zone: string, fromMs: number, toMs: number): OffsetStretch[] => {
  const stretches: OffsetStretch[] = [];
  let at = Math.floor(fromMs / hourMs) * hourMs;
  let offset = offsetMsAt(zone, at);
  while (at < toMs) {
    const next = Math.min(at + weekMs, Math.ceil(toMs / hourMs) * hourMs);
    const nextOffset = offsetMsAt(zone, next);
    if (nextOffset === offset) {
      at = next;
      continue;
    }
    let low = at;
    let high = next;
    while (high - low > hourMs) {
      const middle = low + Math.floor((high - low) / hourMs / 2) * hourMs;
      if (offsetMsAt(zone, middle) === offset) low = middle;
      else high = middle;
    }
    stretches.push({ until: new Date(high).toISOString(), offsetDays: offset / dayMs });
    offset = offsetMsAt(zone, high);
    at = high;
  }
  stretches.push({ until: null, offsetDays: offset / dayMs });
  return stretches;
};

const remembered = new Map<string, { fromMs: number; toMs: number; stretches: OffsetStretch[] }>();

/**
 * The stretches covering `fromMs`–`toMs`, remembered per zone (a zone's switches never move): a
 * visit logged at the counter reuses them rather than walking years of weeks again. The remembered
 * span reaches two days past what was asked, so "now" moving on does not undo it.
 */
export const offsetStretchesCovering = (zone: string, fromMs: number, toMs: number): OffsetStretch[] => {
  const known = remembered.get(zone);
  if (known !== undefined && known.fromMs <= fromMs && known.toMs >= toMs) return known.stretches;
  const from = Math.min(fromMs, known?.fromMs ?? fromMs);
  const to = Math.max(toMs, known?.toMs ?? toMs) + 2 * dayMs;
  const stretches = offsetStretches(zone, from, to);
  if (remembered.size > 16) remembered.clear();
  remembered.set(zone, { fromMs: from, toMs: to, stretches });
  return stretches;
};

/** The shop-local day number (days since 1970-01-01 on the shop's calendar) of an instant. */
export const localDayNumber = (iso: string, zone: string): number => {
  const ms = Date.parse(iso);
  return Math.floor((ms + offsetMsAt(zone, ms)) / dayMs);
};
