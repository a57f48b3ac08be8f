import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ValueFormat } from '../../../../shared/audit-changes';
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
  const labels = auditLabels[useAppLanguage()];
  return useMemo(() => {
    const staffNames = new Map((staff.data ?? []).map((member) => [member.id, member.name]));
    const choices: Record<string, (value: string) => string | undefined> = {
      source: (value) => t(`common:sources.${value}` as 'common:sources.other', { defaultValue: value }),
      needType: (value) => t(`common:needTypes.${value}` as 'common:needTypes.price', { defaultValue: value }),
      gender: (value) => t(`common:genders.${value}` as 'common:genders.other', { defaultValue: value }),
      channel: (value) =>
        t(`common:channels.${value}` as 'common:channels.store', { defaultValue: t(`common:contactMethods.${value}` as 'common:contactMethods.call', { defaultValue: value }) }),
      kind: (value) => t(`customers:timeline.${value}` as 'customers:timeline.visit', { defaultValue: value }),
      language: (value) => t(`settings:languages.${value}` as 'settings:languages.en', { defaultValue: value }),
      ownerStaffId: (value) => staffNames.get(value),
      purpose: (value) => labelOf(labels.purposes, value),
      reason: (value) => labelOf(labels.lockReasons, value),
      records: (value) => labelOf(labels.records, value),
    };
    const valueFormat: ValueFormat = {
      none: t('audit:none'),
      yes: t('audit:yes'),
      no: t('audit:no'),
      money: format.money,
      dateTime: format.dateTime,
      choice: (field, value) => choices[field]?.(value),
    };
    return {
      action: (code: string) => labelOf(labels.actions, code),
      entity: (code: string) => labelOf(labels.entities, code),
      field: (code: string) => labelOf(labels.fields, code),
      role: (code: string) => labelOf(labels.roles, code),
      valueFormat,
    };
  }, [t, format, staff.data, labels]);
};
