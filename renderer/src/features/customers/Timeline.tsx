import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useFormat } from '../../app/format';
import { ErrorNotice } from '../../components/ErrorNotice';
import { timelineQuery } from './timeline-query';
import { TimelineEntry, type EntryContext } from './TimelineEntry';

/** The customer's single history, newest first, reading older pages on demand. */
export const Timeline = ({ customerId }: { customerId: string }) => {
  const { t } = useTranslation(['customers', 'common']);
  const format = useFormat();
  const context = useMemo<EntryContext>(() => ({ t, format }), [t, format]);
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
