import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../../../../shared/contract/customers';
import type { MergeFieldName } from '../../../../shared/merge-fields';
import { useApi } from '../../api/hooks';
import { useFormat } from '../../app/format';
import type { customersMessages } from '../customers/i18n';

/** A customer's field as the merge table shows it, in the app's language. */
export const useFieldValue = () => {
  const { t } = useTranslation(['customers', 'common']);
  const format = useFormat();
  const staff = useApi('staff-list', { includeInactive: true });
  const none = t('common:none');
  return (customer: CustomerDetail, field: MergeFieldName): string => {
    switch (field) {
      case 'phones':
        return customer.phones.map((phone) => phone.display).join(' · ') || none;
      case 'tags':
      case 'interests':
        return customer[field].join(', ') || none;
      case 'birthday':
        return customer.birthday ? format.birthday(customer.birthday) : none;
      case 'source':
        return customer.source ? t(`common:sources.${customer.source}`) : none;
      case 'needType':
        return customer.needType ? t(`common:needTypes.${customer.needType}`) : none;
      case 'gender':
        return customer.gender ? t(`common:genders.${customer.gender}`) : none;
      case 'ownerStaffId':
        return staff.data?.find((member) => member.id === customer.ownerStaffId)?.name ?? none;
      case 'consentToContact':
        return customer.consentToContact ? t('profile.consentYes') : t('profile.consentNo');
      default:
        return customer[field] || none;
    }
  };
};

type FormLabel = `form.${keyof (typeof customersMessages)['en']['form']}`;

/** The form's label for each field, so the merge table reads like the customer form. */
export const fieldLabelKeys: Record<MergeFieldName, FormLabel> = {
  name: 'form.name',
  phones: 'form.phones',
  email: 'form.email',
  birthday: 'form.birthday',
  address: 'form.address',
  gender: 'form.gender',
  tags: 'form.tags',
  interests: 'form.interests',
  notes: 'form.notes',
  source: 'form.source',
  needType: 'form.needType',
  ownerStaffId: 'form.ownerStaff',
  consentToContact: 'form.consent',
};
