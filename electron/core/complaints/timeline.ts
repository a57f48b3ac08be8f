import type { TimelineSource } from '../timeline';
import { complaintsOf } from './read';
import { customerComplaintRowsBefore } from './timeline-queries';

/** A customer's complaints on their timeline, at the time each was received; amounts as staff see them. */
export const complaintsTimelineSource: TimelineSource = (db, customerId, before, limit) =>
  complaintsOf(db, customerComplaintRowsBefore(db, customerId, before.at, before.id, limit), 'staff').map((complaint) => ({
    kind: 'complaint',
    id: complaint.id,
    at: complaint.receivedAt,
    complaint,
  }));
