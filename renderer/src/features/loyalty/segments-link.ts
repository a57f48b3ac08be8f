import type { SegmentFilter } from '../../../../shared/contract/loyalty';

/** The segments page's address for a filter: filters live in the address, so charts can link to them. */
export const segmentPath = (filter: Partial<SegmentFilter>): string => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value !== null && value !== undefined && value !== '') params.set(key, String(value));
  const query = params.toString();
  return query === '' ? '/loyalty/segments' : `/loyalty/segments?${query}`;
};
