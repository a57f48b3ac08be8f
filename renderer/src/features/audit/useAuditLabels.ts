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
  const { t } = useTranslation(['audit', 'common', 'settings', 'customers']);
  const format = useFormat();
  const staff = useApi('staff-list', { includeInactive: true });
  const language = useAppLanguage();
  const labels = auditLabels[language];
  return useMemo(() => {
    const staffNames = new Map((staff.data ?? []).map((member) => [member.id, member.name]));
    // The screen knows a few labels the shared catalog does not repeat: how a customer found the shop, genders, languages.
    const screenChoices: Record<string, (value: string) => string | undefined> = {
      source: (value) => t(`common:sources.${value}` as 'common:sources.other', { defaultValue: value }),
      needType: (value) => t(`common:needTypes.${value}` as 'common:needTypes.price', { defaultValue: value }),
      gender: (value) => t(`common:genders.${value}` as 'common:genders.other', { defaultValue: value }),
      kind: (value) => t(`customers:timeline.${value}` as 'customers:timeline.visit', { defaultValue: value }),
      language: (value) => t(`settings:languages.${value}` as 'settings:languages.en', { defaultValue: value }),
    };
    const valueFormat: ValueFormat = {
      ...auditValueFormat(language, {
        money: format.money,
        dateTime: format.dateTime,
        staffName: (id) => staffNames.get(id),
        moreChoices: (field, value) => screenChoices[field]?.(value),
      }),
      none: t('audit:none'),
      yes: t('audit:yes'),
      no: t('audit:no'),
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
