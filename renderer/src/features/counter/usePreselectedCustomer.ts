import { useState } from 'react';
import { useApi } from '../../api/hooks';
import type { PickedCustomer } from '../../components/CustomerPicker';

/**
 * The customer at the counter: the one named in the address (from a profile's "Log visit") until
 * the user picks another or clears the choice.
 */
export const usePreselectedCustomer = (customerId: string | null): [PickedCustomer | null, (picked: PickedCustomer | null) => void] => {
  const [choice, setChoice] = useState<{ picked: PickedCustomer | null } | null>(null);
  const customer = useApi('customers-get', { id: customerId ?? '' }, { enabled: customerId !== null && choice === null });
  if (choice !== null) return [choice.picked, (picked) => setChoice({ picked })];
  const data = customer.data;
  const preselected: PickedCustomer | null =
    customerId !== null && data && data.archivedAt === null
      ? {
          kind: 'customer',
          customer: {
            id: data.id,
            name: data.name,
            phones: data.phones.map((phone) => phone.display),
            email: data.email,
            tags: data.tags,
            archived: false,
            lastSeenAt: data.lastVisitAt,
            lastVisitAt: data.lastVisitAt,
            lastContactAt: data.lastContactAt,
            visitCount: data.visitCount,
          },
        }
      : null;
  return [preselected, (picked) => setChoice({ picked })];
};
