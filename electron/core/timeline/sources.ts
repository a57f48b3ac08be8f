import type { TimelineItem } from '../../../shared/contract/timeline';
import type { Db } from '../db/connection';

/** Where the timeline reads from: entries strictly older than `before`, newest first. */
export interface TimelineCursor {
  at: string;
  id: string;
}

export type TimelineSource = (db: Db, customerId: string, before: TimelineCursor, limit: number) => TimelineItem[];

/** Later than any stored timestamp, so the first page starts at the newest entry. */
export const newestCursor: TimelineCursor = { at: '9999-12-31T23:59:59.999Z', id: '\u{10FFFF}' };

export const encodeCursor = (cursor: TimelineCursor): string => `${cursor.at}|${cursor.id}`;

export const decodeCursor = (text: string | null): TimelineCursor | null => {
  if (text === null) return newestCursor;
  const separator = text.indexOf('|');
  if (separator <= 0) return null;
  return { at: text.slice(0, separator), id: text.slice(separator + 1) };
};
