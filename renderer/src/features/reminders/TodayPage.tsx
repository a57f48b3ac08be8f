import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Agenda as AgendaData, AssigneeFilter } from '../../../../shared/contract/reminders';
import { isReminderKind } from '../../../../shared/reminders/kinds';
import { ApiError } from '../../api/client';
import { useApi, useFetchNow } from '../../api/hooks';
import { InlinePanel } from '../../components/InlinePanel';
import { ErrorNotice, useDescribeError } from '../../components/ErrorNotice';
import { useToast } from '../../components/Toast';
import { AgendaFilters } from './AgendaFilters';
import { AgendaSection } from './AgendaSection';
import { callListTable, callRows, type CallRow } from './call-list';
import { CallList } from './CallList';
import { downloadSheet } from '../../components/workbook';
import { useDayFormat, useReminderText } from './format';
import { NewReminderForm } from './NewReminderForm';
import { useDismissReminder, type CardContext } from './ReminderCard';

/**
 * Cards a first screen can show in each section. They are asked for first (see readAgendaAhead in
 * App.tsx) and drawn at once; the whole agenda, asked for right behind them, follows in a pass
 * React may interrupt for a key press.
 */
export const firstCards = 8;

/** The agenda Today asks for at an address: its filters, which live there (?kind=birthday&for=…) so a reload or a bookmark keeps them. */
export const agendaInputOf = (params: URLSearchParams): { kinds: string[]; assignee: AssigneeFilter } => {
  const forParam = params.get('for');
  return {
    kinds: params.getAll('kind').filter(isReminderKind),
    assignee: forParam === null ? 'anyone' : forParam === 'nobody' ? 'nobody' : { staffId: forParam },
  };
};

const useAgendaFilters = () => {
  const [params, setParams] = useSearchParams();
  const { kinds, assignee } = agendaInputOf(params);
  const update = (nextKinds: readonly string[], nextAssignee: AssigneeFilter) => {
    const next = new URLSearchParams();
    for (const kind of nextKinds) next.append('kind', kind);
    if (nextAssignee !== 'anyone') next.set('for', typeof nextAssignee === 'string' ? nextAssignee : nextAssignee.staffId);
    setParams(next, { replace: true });
  };
  return { kinds, assignee, setKinds: (next: string[]) => update(next, assignee), setAssignee: (next: AssigneeFilter) => update(kinds, next) };
};

/**
 * The agenda's sections and the printed call list. Up to 300 cards and a call list as long: the
 * first pass draws the cards on screen, so the day shows at once; the rest follow in a pass React
 * may interrupt for a key press (a deferred value starts as `false`, and stays so while only the
 * first cards have answered: `whole` is false then).
 */
const Agenda = ({ data, whole, calls, callTitle }: { data: AgendaData; whole: boolean; calls: readonly CallRow[]; callTitle: string }) => {
  const { t } = useTranslation(['reminders', 'common']);
  const days = useDayFormat();
  const text = useReminderText(data.today);
  const complete = useDeferredValue(whole, false);
  const dismiss = useDismissReminder(t);
  const latestDismiss = useRef(dismiss);
  useEffect(() => {
    latestDismiss.current = dismiss;
  });
  const context = useMemo<CardContext>(
    () => ({ t, today: data.today, days, text, dismiss: (item, title) => latestDismiss.current(item, title) }),
    [t, data.today, days, text],
  );
  const firstOnly = complete ? null : firstCards;
  return (
    <>
      <div className="agenda-sections">
        {data.overdue.total > 0 && <AgendaSection name="overdue" page={data.overdue} context={context} firstOnly={firstOnly} />}
        <AgendaSection name="today" page={data.dueToday} context={context} firstOnly={firstOnly} />
        <AgendaSection name="upcoming" page={data.upcoming} context={context} firstOnly={firstOnly} />
      </div>
      {complete && <CallList rows={calls} title={callTitle} />}
    </>
  );
};

/** The home screen: what to do today — overdue, due today, the week ahead — and the day's call list. */
export const TodayPage = () => {
  const { t } = useTranslation(['reminders', 'common']);
  const filters = useAgendaFilters();
  const agenda = useApi('reminders-agenda', { kinds: filters.kinds, assignee: filters.assignee }, { keepPrevious: true });
  // Until the whole agenda has answered once, its first cards are drawn: the same sections and
  // totals, fewer cards, so the core answers them sooner on a cold book.
  const opening = useApi('reminders-agenda', { kinds: filters.kinds, assignee: filters.assignee, limit: firstCards }, { enabled: agenda.data === undefined });
  const days = useDayFormat();
  const text = useReminderText(agenda.data?.today ?? null);
  const [creating, setCreating] = useState(false);
  const [printedCalls, setPrintedCalls] = useState<CallRow[] | null>(null);
  const fetchNow = useFetchNow();
  const toast = useToast();
  const describe = useDescribeError();

  useEffect(() => {
    document.title = `${t('title')} · ${t('common:appName')}`;
  }, [t]);

  const data = agenda.data ?? opening.data;
  const whole = agenda.data !== undefined;
  const calls = data ? callRows(data, text, days.short) : [];
  const callTitle = data ? t('callList.title', { date: days.long(data.today) }) : '';
  const filtered = filters.kinds.length > 0 || filters.assignee !== 'anyone';
  const nothing = data !== undefined && data.overdue.total + data.dueToday.total + data.upcoming.total === 0;

  /** The whole call list, not only the cards on screen: up to 500 overdue and 500 due today. */
  const allCalls = async (): Promise<CallRow[]> => {
    const full = await fetchNow('reminders-agenda', { kinds: filters.kinds, assignee: filters.assignee, limit: 500 });
    return callRows(full, text, days.short);
  };

  const print = async () => {
    const rows = await allCalls();
    flushSync(() => setPrintedCalls(rows));
    window.print();
    setPrintedCalls(null);
  };

  /** The whole call list saved as CSV or as an Excel workbook, headers in the owner's language. */
  const download = async (kind: 'csv' | 'xlsx') => {
    if (!data) return;
    try {
      const table = callListTable(await allCalls(), {
        name: t('callList.columns.name'),
        phones: t('callList.columns.phones'),
        reason: t('callList.columns.reason'),
        due: t('callList.columns.due'),
        note: t('callList.columns.note'),
        outcome: t('callList.columns.outcome'),
      });
      await downloadSheet(t('callList.fileName', { date: data.today }), kind, table, t('callList.sheet'));
    } catch (caught) {
      if (caught instanceof ApiError) toast({ tone: 'error', text: describe(caught.error) });
      else throw caught;
    }
  };

  return (
    <section className="page today" aria-labelledby="today-title">
      <header className="page-header">
        <h1 id="today-title">{t('title')}</h1>
        {data && <span className="page-subtitle">{days.long(data.today)}</span>}
        <div className="header-actions">
          <button type="button" className="button" aria-expanded={creating} onClick={() => setCreating((open) => !open)}>
            {t('newReminder.open')}
          </button>
          <button type="button" className="button" disabled={!data} onClick={() => void print()}>
            {t('callList.print')}
          </button>
          <button type="button" className="button" disabled={!data} onClick={() => void download('csv')}>
            {t('callList.csv')}
          </button>
          <button type="button" className="button" disabled={!data} onClick={() => void download('xlsx')}>
            {t('callList.xlsx')}
          </button>
        </div>
      </header>
      {creating && data && (
        <InlinePanel onClose={() => setCreating(false)}>
          <NewReminderForm today={data.today} customer={null} onClose={() => setCreating(false)} />
        </InlinePanel>
      )}
      <ErrorNotice error={agenda.error instanceof ApiError ? agenda.error.error : null} onRetry={() => void agenda.refetch()} />
      <AgendaFilters agenda={data} kinds={filters.kinds} assignee={filters.assignee} onKinds={filters.setKinds} onAssignee={filters.setAssignee} />
      {!data && !agenda.error && <p className="list-status">{t('common:loading')}</p>}
      {nothing && <p className="empty-state">{filtered ? t('empty.filtered') : t('empty.all')}</p>}
      {data && !nothing && <Agenda data={data} whole={whole} calls={printedCalls ?? calls} callTitle={callTitle} />}
      {nothing && <CallList rows={printedCalls ?? calls} title={callTitle} />}
    </section>
  );
};
