import Papa from 'papaparse';
import type { SegmentCustomer } from '../../../../shared/contract/loyalty';

export interface SegmentCsvText {
  header: { name: string; phones: string; tier: string; quadrant: string; lapse: string; lastVisit: string; outcome: string };
  tier(customer: SegmentCustomer): string;
  quadrant(customer: SegmentCustomer): string;
  lapse(customer: SegmentCustomer): string;
  lastVisit(customer: SegmentCustomer): string;
}

/** A spreadsheet must not run what a customer typed: a cell starting like a formula is kept as text. */
const asText = (cell: string): string => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

/**
 * A segment as a call list: CSV with a UTF-8 byte order mark so Excel opens Chinese names
 * correctly, no money in it (it may be printed and handed to staff), the last column left for the
 * outcome of the call.
 */
export const segmentCallListCsv = (customers: readonly SegmentCustomer[], text: SegmentCsvText): string =>
  '\uFEFF' +
  Papa.unparse(
    [
      [text.header.name, text.header.phones, text.header.tier, text.header.quadrant, text.header.lapse, text.header.lastVisit, text.header.outcome],
      ...customers.map((customer) =>
        [customer.name, customer.phones.join(' / '), text.tier(customer), text.quadrant(customer), text.lapse(customer), text.lastVisit(customer), ''].map(asText),
      ),
    ],
    { newline: '\r\n' },
  );
