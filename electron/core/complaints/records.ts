import { z } from 'zod';
import { participant } from '../customer-records';
import { complaintReminderKinds } from './reminder-kinds';
import { countComplaints, deleteComplaintsOf, moveComplaints, returnComplaints } from './records-queries';

/**
 * Complaints follow their customer through a merge (and back on undo) and are deleted with them
 * for good; their promises and steps go with them. Their satisfaction answers are the visits
 * participant's (it moves and deletes every answer of the customer).
 */
export const complaintsRecords = participant({
  name: 'complaints',
  count: (db, customerId) => [{ kind: 'complaints', count: countComplaints(db, customerId) }],
  moveForMerge: (db, survivor, absorbed) => ({ complaints: moveComplaints(db, absorbed.id, survivor.id) }),
  moved: z.object({ complaints: z.array(z.string()) }),
  undoMerge: (db, survivor, absorbed, moved) => returnComplaints(db, survivor.id, absorbed.id, moved.complaints),
  purge: deleteComplaintsOf,
  bookReminderKinds: complaintReminderKinds,
});
