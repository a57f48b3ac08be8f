import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintPromise } from '../../../../shared/contract/complaints';
import { promiseStanding } from '../../../../shared/complaints/promises';
import { useFormat } from '../../app/format';

/** Within this of its deadline a running promise shows as due soon. */
const soonMs = 60 * 60_000;

/** The clock for countdowns, moving every 20 seconds. */
export const useNow = (): Date => {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const handle = setInterval(() => setNow(new Date()), 20_000);
    return () => clearInterval(handle);
  }, []);
  return now;
};

export const useDuration = () => {
  const { t } = useTranslation('complaints');
  return (ms: number): string => {
    const minutes = Math.max(0, Math.floor(Math.abs(ms) / 60_000));
    if (minutes < 60) return t('promise.minutes', { minutes });
    const hours = Math.floor(minutes / 60);
    if (hours < 24) return t('promise.hours', { hours, minutes: minutes % 60 });
    return t('promise.days', { days: Math.floor(hours / 24), hours: hours % 24 });
  };
};

/** One promise: its deadline with the time left or overdue while it runs, then kept or broken for good. */
export const PromiseBadge = ({ promise, now }: { promise: ComplaintPromise; now: Date }) => {
  const { t } = useTranslation('complaints');
  const format = useFormat();
  const duration = useDuration();
  const what = t(`promise.${promise.kind}`);
  const standing = promiseStanding(promise, now.toISOString(), soonMs);
  const left = Date.parse(promise.dueAt) - now.getTime();
  return (
    <span className={`promise promise-${standing}`}>
      <span className="promise-what">{t('promise.by', { what, time: format.dateTime(promise.dueAt) })}</span>{' '}
      <span className="promise-state">
        {standing === 'kept' && t('promise.kept')}
        {standing === 'broken' && t('promise.broken')}
        {standing === 'overdue' && t('promise.overdueBy', { time: duration(left) })}
        {(standing === 'running' || standing === 'due_soon') && t('promise.left', { time: duration(left) })}
      </span>
    </span>
  );
};
