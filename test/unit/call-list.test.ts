import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Agenda, AgendaItem } from '../../shared/contract/reminders';
import { callListTable, callRows } from '../../renderer/src/features/reminders/call-list';
import { csvText } from '../../renderer/src/components/spreadsheet-file';

const header = { name: 'Name', phones: 'Phone', reason: 'Reason', due: 'Due', note: 'Note', outcome: 'Outcome' };

const item = (id: string, kind: string, name: string | null, phones: string[] = []): AgendaItem => ({
  id,
  kind,
  customerId: name === null ? null : `c-${id}`,
  subjectId: null,
  dueDay: '2026-03-10',
  snoozedUntil: null,
  agendaDay: '2026-03-10',
  status: 'open',
  note: '',
  facts: {},
  staffId: null,
  assigneeId: null,
  assigneeName: null,
  outcomeNote: '',
  createdAt: '2026-03-01T00:00:00.000Z',
  closedAt: null,
  closedByStaffId: null,
  customer:
    name === null
      ? null
      : { id: `c-${id}`, name, phones, consentToContact: true, visitCount: 3, rhythmDays: 9, lastActivityAt: null, daysAway: 31, lost: false },
});

const page = (items: AgendaItem[]) => ({ items, total: items.length });

describe('the call list', () => {
  const agenda: Agenda = {
    today: '2026-03-10',
    overdue: page([item('a', 'win_back', '=HYPERLINK("http://x")', ['+886 912 345 678'])]),
    dueToday: page([item('b', 'birthday', '王小明, "小明"', ['0912-345-678', '02-2345-6789']), item('c', 'custom', null), item('d', 'not_a_call', 'Ada')]),
    upcoming: page([item('e', 'follow_up', 'Later')]),
    countsByKind: [],
    countsByAssignee: [],
  };
  const text = { title: (reminder: AgendaItem) => `call ${reminder.id}`, onCallList: (kind: string) => kind !== 'not_a_call' };

  it('lists today’s and overdue calls about a customer, not the week ahead', () => {
    expect(callRows(agenda, text, (day) => day).map((row) => [row.name, row.phones, row.reason])).toEqual([
      ['=HYPERLINK("http://x")', '+886 912 345 678', 'call a'],
      ['王小明, "小明"', '0912-345-678 / 02-2345-6789', 'call b'],
    ]);
  });

  it('is UTF-8 CSV with a byte order mark, quotes what needs quoting, and never lets a cell run as a formula', () => {
    const csv = csvText(callListTable(callRows(agenda, text, (day) => day), header));
    expect(csv.startsWith('\uFEFFName,Phone,Reason,Due,Note,Outcome\r\n')).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n' }).data;
    expect(rows[1]).toEqual(['\'=HYPERLINK("http://x")', "'+886 912 345 678", 'call a', '2026-03-10', '', '']);
    expect(rows[2]).toEqual(['王小明, "小明"', '0912-345-678 / 02-2345-6789', 'call b', '2026-03-10', '', '']);
  });
});
