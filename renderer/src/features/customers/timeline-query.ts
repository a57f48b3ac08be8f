import { infiniteQueryOptions } from '@tanstack/react-query';
import { apiOrThrow } from '../../api/client';

const pageSize = 30;

/** The timeline's pages; the first is asked for as the profile opens, together with the customer (App.tsx). */
export const timelineQuery = (customerId: string) =>
  infiniteQueryOptions({
    queryKey: ['customers-timeline', customerId],
    queryFn: ({ pageParam }) => apiOrThrow('customers-timeline', { id: customerId, before: pageParam, limit: pageSize }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
