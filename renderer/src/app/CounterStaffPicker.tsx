import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, useApiMutation } from '../api/hooks';

/** Who is at the counter now: new visits are recorded in their name. */
export const CounterStaffPicker = () => {
  const { t } = useTranslation();
  const id = useId();
  const session = useApi('session-get', {});
  const staff = useApi('staff-list', {});
  const setStaff = useApiMutation('session-set-staff');
  if (!staff.data || staff.data.length === 0) return null;
  return (
    <div className="counter-staff">
      <label htmlFor={id}>{t('counterStaff.label')}</label>
      <select
        id={id}
        value={session.data?.staffId ?? ''}
        onChange={(event) => void setStaff.mutateAsync({ staffId: event.target.value === '' ? null : event.target.value })}
      >
        <option value="">{t('counterStaff.nobody')}</option>
        {staff.data.map((member) => (
          <option key={member.id} value={member.id}>
            {member.name}
          </option>
        ))}
      </select>
    </div>
  );
};
