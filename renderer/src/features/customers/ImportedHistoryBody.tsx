import { useTranslation } from 'react-i18next';
import type { ImportedHistory } from '../../../../shared/contract/timeline';
import { useFormat } from '../../app/format';

/** A customer's past as another tool summed it up: one labelled entry, not invented visits. */
export const ImportedHistoryBody = ({ history }: { history: ImportedHistory }) => {
  const { t, i18n } = useTranslation('customers');
  const format = useFormat();
  const values = { file: history.sourceName, count: history.visitCount, spent: format.money(history.revenueMinor) };
  const sentence =
    history.firstVisitAt !== null && history.lastVisitAt !== null
      ? t('timeline.broughtFrom', { ...values, first: format.date(history.firstVisitAt), last: format.date(history.lastVisitAt) })
      : t('timeline.broughtFromUndated', values);
  return (
    <>
      <div className="timeline-heading">
        <span className="timeline-kind kind-imported-history">{t('timeline.importedHistory')}</span>
      </div>
      <div className="timeline-note">{sentence}</div>
      {history.points !== null && <div className="timeline-meta">{t('timeline.historyPoints', { points: history.points.toLocaleString(i18n.language) })}</div>}
      {history.memberLevel !== null && <div className="timeline-meta">{t('timeline.historyLevel', { level: history.memberLevel })}</div>}
    </>
  );
};
