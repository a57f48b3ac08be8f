import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ValueFormat } from '../../../../shared/audit-changes';
import { auditValueFormat } from '../../../../shared/audit-format';
import { auditLabels, labelOf } from '../../../../shared/i18n/audit';
import { useApi } from '../../api/hooks';
import { useFormat } from '../../app/format';
import { useAppLanguage } from '../../app/language';

/**
 * The audit trail's vocabulary in the app's language (shared with the CSV export), and how its
 * recorded values read: money in the shop's currency, times in its zone, codes by their names.
 */
export const useAuditLabels = () => {
  const { t } = useTranslation('audit');
  const format = useFormat();
  const staff = useApi('staff-list', { includeInactive: true });
  const language = useAppLanguage();
  const labels = auditLabels[language];
  return useMemo(() => {
    const staffNames = new Map((staff.data ?? []).map((member) => [member.id, member.name]));
    const valueFormat: ValueFormat = {
      ...auditValueFormat(language, {
        money: format.money,
        dateTime: format.dateTime,
        staffName: (id) => staffNames.get(id),
      }),
      none: t('none'),
      yes: t('yes'),
      no: t('no'),
    };
    return {
      action: (code: string) => labelOf(labels.actions, code),
      entity: (code: string) => labelOf(labels.entities, code),
      field: (code: string) => labelOf(labels.fields, code),
      role: (code: string) => labelOf(labels.roles, code),
      valueFormat,
    };
  }, [t, format, staff.data, labels, language]);
};
