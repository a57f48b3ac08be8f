import type { TimelineSource } from '../timeline';
import { toAttempt, toStatusEvent } from './present';
import { attemptRowsBefore, statusEventRowsBefore } from './queries';

export const winBackAttemptsTimelineSource: TimelineSource = (db, customerId, before, limit) =>
  attemptRowsBefore(db, customerId, before.at, before.id, limit).map((row) => {
    const attempt = toAttempt(row);
    return { kind: 'win_back_attempt', id: attempt.id, at: attempt.attemptedAt, attempt };
  });

/** Lost (with its reason) and won back; one taken back is no longer shown. */
export const customerStatusTimelineSource: TimelineSource = (db, customerId, before, limit) =>
  statusEventRowsBefore(db, customerId, before.at, before.id, limit).map((row) => {
    const event = toStatusEvent(row);
    return { kind: 'customer_status', id: event.id, at: event.at, event };
  });
