import { useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeyOf, useApi, useApiMutation } from '../api/hooks';

/** Who is at the counter now: new visits are recorded in their name. */
export const CounterStaffPicker = () => {
  const { t } = useTranslation();
  const id = useId();
  const session = useApi('session-get', {});
  const staff = useApi('staff-list', {});
  const client = useQueryClient();
  const setStaff = useApiMutation('session-set-staff');
  // Choosing who is at the counter is not a change to the book, so the core reports none: the
  // answer (the session as it now is) goes into the cache directly.
  const choose = async (staffId: string | null) => {
    const result = await setStaff.mutateAsync({ staffId });
    if (result.ok) client.setQueryData(queryKeyOf('session-get', {}), result.value);
  };
  if (!staff.data || staff.data.length === 0) return null;
  return (
    <div className="counter-staff">
      <label htmlFor={id}>{t('counterStaff.label')}</label>
      <select
        id={id}
        value={session.data?.staffId ?? ''}
        onChange={(event) => void choose(event.target.value === '' ? null : event.target.value)}
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
