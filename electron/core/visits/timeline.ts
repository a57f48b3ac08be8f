import type { TimelineSource } from '../timeline';
import { toVisit } from './present';
import { customerVisitRowsBefore } from './queries';

export const visitsTimelineSource: TimelineSource = (db, customerId, before, limit) =>
  customerVisitRowsBefore(db, customerId, before.at, before.id, limit).map((row) => {
    const visit = toVisit(row);
    return visit.kind === 'visit'
      ? { kind: 'visit', id: visit.id, at: visit.occurredAt, visit }
      : { kind: 'contact', id: visit.id, at: visit.occurredAt, visit };
  });
