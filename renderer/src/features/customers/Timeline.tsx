import { useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Visit } from '../../../../shared/contract/visits';
import { ApiError } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { useFormat } from '../../app/format';
import { ErrorNotice, useDescribeError } from '../../components/ErrorNotice';
import { useToast } from '../../components/Toast';
import { useUndoToast } from '../../components/useUndoToast';
import { timelineQuery } from './timeline-query';
import { TimelineEntry, type EntryContext } from './TimelineEntry';

/** The customer's single history, newest first, reading older pages on demand. */
export const Timeline = ({ customerId }: { customerId: string }) => {
  const { t } = useTranslation(['customers', 'common']);
  const format = useFormat();
  const toast = useToast();
  const describe = useDescribeError();
  const undoable = useUndoToast();
  const { mutateAsync: archiveVisit } = useApiMutation('visits-archive');
  // A visit logged by mistake (a wrong amount, the wrong customer) is archived, not edited: it leaves
  // every figure and waits in the Archive, and the toast's Undo puts it straight back.
  const archive = useCallback(
    (visit: Visit) =>
      void archiveVisit({ id: visit.id }).then((archived) => {
        if (!archived.ok) return toast({ tone: 'error', text: describe(archived.error) });
        const when = format.dateTime(visit.occurredAt);
        undoable(visit.kind === 'visit' ? t('timeline.visitRemoved', { when }) : t('timeline.contactRemoved', { when }), { name: 'visits-unarchive', input: { id: visit.id } });
      }),
    [archiveVisit, undoable, toast, describe, format, t],
  );
  const context = useMemo<EntryContext>(() => ({ t, format, archive }), [t, format, archive]);
  const timeline = useInfiniteQuery(timelineQuery(customerId));
  const items = timeline.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section className="timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('timeline.title')}</h2>
      <ErrorNotice error={timeline.error instanceof ApiError ? timeline.error.error : null} onRetry={() => void timeline.refetch()} />
      {timeline.isSuccess && items.length === 0 && <p className="empty-state">{t('timeline.empty')}</p>}
      <ol className="timeline-list">
        {items.map((item) => (
          <TimelineEntry key={`${item.kind}-${item.id}`} item={item} context={context} />
        ))}
      </ol>
      {timeline.hasNextPage && (
        <button type="button" className="button" disabled={timeline.isFetchingNextPage} onClick={() => void timeline.fetchNextPage()}>
          {timeline.isFetchingNextPage ? t('common:loading') : t('common:actions.loadMore')}
        </button>
      )}
    </section>
  );
};
