import { z } from 'zod';
import { participant } from '../customer-records';
import { countVisitRecords, deleteVisitRecords, moveVisitRecords, returnVisitRecords } from './records-queries';

/** Visits, contacts and satisfaction answers follow their customer through a merge and a purge. */
export const visitsRecords = participant({
  name: 'visits',
  count: (db, customerId) => {
    const counts = countVisitRecords(db, customerId);
    return [
      { kind: 'visits', count: counts.visits },
      { kind: 'contacts', count: counts.contacts },
      { kind: 'satisfactionAnswers', count: counts.answers },
    ];
  },
  moveForMerge: (db, survivor, absorbed) => moveVisitRecords(db, absorbed.id, survivor.id),
  moved: z.object({ visits: z.array(z.string()), answers: z.array(z.string()) }),
  undoMerge: (db, survivor, absorbed, moved) => returnVisitRecords(db, survivor.id, absorbed.id, moved),
  purge: (db, customerId) => deleteVisitRecords(db, customerId),
});
