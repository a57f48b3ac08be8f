import { useQueries } from '@tanstack/react-query';
import type { CustomerSort, CustomerSummary } from '../../../../shared/contract/customers';
import { apiOrThrow } from '../../api/client';
import { queryKeyOf } from '../../api/hooks';

export const customerPageSize = 100;

/**
 * Rows of the whole-book list, fetched a page at a time around what is on screen, so scrolling
 * through 100,000 customers reads a few hundred rows, not the book.
 */
export const useCustomerPages = (sort: CustomerSort, includeArchived: boolean, visibleIndexes: readonly number[]) => {
  const pages = [...new Set(visibleIndexes.map((index) => Math.floor(index / customerPageSize)))];
  const results = useQueries({
    queries: pages.map((page) => {
      const input = { offset: page * customerPageSize, limit: customerPageSize, sort, includeArchived };
      return { queryKey: queryKeyOf('customers-list', input), queryFn: () => apiOrThrow('customers-list', input), staleTime: 10_000 };
    }),
  });
  const rows = new Map<number, CustomerSummary>();
  let total: number | undefined;
  results.forEach((result, position) => {
    if (!result.data) return;
    total = result.data.total;
    const first = (pages[position] ?? 0) * customerPageSize;
    result.data.rows.forEach((row, offset) => rows.set(first + offset, row));
  });
  return { rows, total, error: results.find((result) => result.error)?.error ?? null };
};
