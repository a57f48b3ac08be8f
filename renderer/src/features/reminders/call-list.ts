import type { Agenda, AgendaItem } from '../../../../shared/contract/reminders';
import type { SheetTable } from '../../components/spreadsheet-file';

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

/** The call list as a spreadsheet's rows (CSV or Excel); the last column is left for the outcome. */
export const callListTable = (rows: readonly CallRow[], header: { name: string; phones: string; reason: string; due: string; note: string; outcome: string }): SheetTable => [
  [header.name, header.phones, header.reason, header.due, header.note, header.outcome],
  ...rows.map((row) => [row.name, row.phones, row.reason, row.due, row.note, '']),
];
