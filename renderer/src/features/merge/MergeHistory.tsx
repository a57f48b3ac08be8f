import { useTranslation } from 'react-i18next';
import { auditLabels, labelOf } from '../../../../shared/i18n/audit';
import { useApi } from '../../api/hooks';
import { useFormat } from '../../app/format';
import { useAppLanguage } from '../../app/language';
import { useMergeUndo } from './useMergeUndo';

/** On the owner's view of a profile: who was merged into this record, with the way back. */
export const MergeHistory = ({ customerId }: { customerId: string }) => {
  const { t } = useTranslation(['merge', 'common']);
  const format = useFormat();
  const undo = useMergeUndo();
  const merges = useApi('customers-merges', { customerId });
  const language = useAppLanguage();
  const active = (merges.data ?? []).filter((merge) => merge.undoneAt === null);
  if (active.length === 0) return null;
  return (
    <ul className="merge-history">
      {active.map((merge) => (
        <li key={merge.id} className="notice notice-info">
          <span>
            {t('history', {
              absorbed: merge.absorbedName,
              date: format.dateTime(merge.at),
              who: merge.staffName ? `${labelOf(auditLabels[language].roles, merge.actorRole)} · ${merge.staffName}` : labelOf(auditLabels[language].roles, merge.actorRole),
            })}
          </span>
          {merge.undoable ? (
            <button type="button" className="button" onClick={() => undo(merge.id, merge.absorbedName)}>
              {t('undoMerge')}
            </button>
          ) : (
            <span className="muted">{t('cannotUndo')}</span>
          )}
        </li>
      ))}
    </ul>
  );
};
