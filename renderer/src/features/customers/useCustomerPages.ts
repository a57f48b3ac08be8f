import { useQueries, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { OutputOf } from '../../../../shared/contract';
import type { CustomerListRow, CustomerSort } from '../../../../shared/contract/customers';
import type { LapseState } from '../../../../shared/contract/loyalty';
import type { Tier } from '../../../../shared/loyalty/tiers';
import { apiOrThrow } from '../../api/client';
import { queryKeyOf } from '../../api/hooks';

export const customerPageSize = 100;

/** The pages that hold these rows, in order, without repeats. */
export const pagesOf = (first: number, last: number): number[] => {
  const pages: number[] = [];
  for (let page = Math.floor(first / customerPageSize); page <= Math.floor(last / customerPageSize); page += 1) pages.push(page);
  return pages;
};

/**
 * Rows of the whole-book list, fetched a page at a time around what is on screen, so scrolling
 * through 100,000 customers reads a few hundred rows, not the book.
 *
 * While the pages just scrolled to are loading, the list keeps the length any page of the same
 * listing already told. Were it to drop to nothing, the list would show its top, ask for the
 * first page again, grow back to where it was, and so on, without end.
 */
/** Which customers the list shows, in which order. */
export interface Listing {
  sort: CustomerSort;
  includeArchived: boolean;
  tag: string;
  lapse: LapseState | null;
  tier: Tier | null;
}

export const useCustomerPages = (listing: Listing, pages: readonly number[]) => {
  const pagesKey = pages.join(',');
  // The rows keep their identity until a page arrives or leaves: the list (memoised) is not drawn
  // again for a render of the screen that changed nothing in it, such as a keystroke in the search box.
  const combine = useCallback(
    (results: UseQueryResult<OutputOf<'customers-list'>>[]) => {
      const rows = new Map<number, CustomerListRow>();
      let total: number | undefined;
      results.forEach((result, position) => {
        if (!result.data) return;
        total = result.data.total;
        const first = Number(pagesKey.split(',')[position] ?? 0) * customerPageSize;
        result.data.rows.forEach((row, offset) => rows.set(first + offset, row));
      });
      return { rows, total, error: results.find((result) => result.error)?.error ?? null };
    },
    [pagesKey],
  );
  const shown = useQueries({
    queries: pages.map((page) => {
      const input = { offset: page * customerPageSize, limit: customerPageSize, ...listing };
      return { queryKey: queryKeyOf('customers-list', input), queryFn: () => apiOrThrow('customers-list', input), staleTime: 10_000 };
    }),
    combine,
  });
  const queryClient = useQueryClient();
  const total =
    shown.total ??
    queryClient
      .getQueriesData<OutputOf<'customers-list'>>({ queryKey: queryKeyOf('customers-list', listing) })
      .find(([, data]) => data !== undefined)?.[1]?.total;
  return { rows: shown.rows, total, error: shown.error };
};
