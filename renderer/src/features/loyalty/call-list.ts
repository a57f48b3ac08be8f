import type { SegmentCustomer } from '../../../../shared/contract/loyalty';
import type { SheetTable } from '../../components/spreadsheet-file';

export interface SegmentCallListText {
  header: { name: string; phones: string; tier: string; quadrant: string; lapse: string; lastVisit: string; outcome: string };
  tier(customer: SegmentCustomer): string;
  quadrant(customer: SegmentCustomer): string;
  lapse(customer: SegmentCustomer): string;
  lastVisit(customer: SegmentCustomer): string;
}

/**
 * A segment as a call list (CSV or Excel): no money in it (it may be printed and handed to staff),
 * the last column left for the outcome of the call.
 */
export const segmentCallListTable = (customers: readonly SegmentCustomer[], text: SegmentCallListText): SheetTable => [
  [text.header.name, text.header.phones, text.header.tier, text.header.quadrant, text.header.lapse, text.header.lastVisit, text.header.outcome],
  ...customers.map((customer) => [customer.name, customer.phones.join(' / '), text.tier(customer), text.quadrant(customer), text.lapse(customer), text.lastVisit(customer), '']),
];
