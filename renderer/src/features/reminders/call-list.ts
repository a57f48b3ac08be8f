import Papa from 'papaparse';
import type { Agenda, AgendaItem } from '../../../../shared/contract/reminders';

export interface CallRow {
  id: string;
  name: string;
  phones: string;
  reason: string;
  due: string;
  note: string;
}

interface CallText {
  title(item: AgendaItem, customer: AgendaItem['customer']): string;
  onCallList(kind: string): boolean;
}

/** Today's calls: the overdue and due-today reminders about a customer that mean picking up the phone. */
export const callRows = (agenda: Agenda, text: CallText, day: (day: string) => string): CallRow[] =>
  [...agenda.overdue.items, ...agenda.dueToday.items]
    .filter((item) => item.customer !== null && text.onCallList(item.kind))
    .map((item) => ({
      id: item.id,
      name: item.customer?.name ?? '',
      phones: item.customer?.phones.join(' / ') ?? '',
      reason: text.title(item, item.customer),
      due: day(item.agendaDay),
      note: item.note,
    }));

/** A spreadsheet must not run what a customer typed: a cell starting like a formula is kept as text. */
const asText = (cell: string): string => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

/** CSV with a UTF-8 byte order mark, so Excel opens Chinese names correctly; the last column is left for the outcome. */
export const callListCsv = (rows: readonly CallRow[], header: { name: string; phones: string; reason: string; due: string; note: string; outcome: string }): string =>
  '\uFEFF' +
  Papa.unparse(
    [
      [header.name, header.phones, header.reason, header.due, header.note, header.outcome],
      ...rows.map((row) => [row.name, row.phones, row.reason, row.due, row.note, ''].map(asText)),
    ],
    { newline: '\r\n' },
  );
