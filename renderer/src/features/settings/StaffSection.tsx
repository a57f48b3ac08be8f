import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '../../../../shared/contract/staff';
import type { AppError } from '../../../../shared/errors';
import { limits } from '../../../../shared/limits';
import { useApi, useApiMutation } from '../../api/hooks';
import { ErrorNotice, issuesByPath, useDescribeError } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { useToast } from '../../components/Toast';

const StaffRow = ({ member, readOnly }: { member: StaffMember; readOnly: boolean }) => {
  const { t } = useTranslation(['settings', 'common']);
  const toast = useToast();
  const describe = useDescribeError();
  const update = useApiMutation('staff-update');
  const [name, setName] = useState(member.name);
  const save = async (changes: { name?: string; active?: boolean }) => {
    const result = await update.mutateAsync({ id: member.id, name: changes.name ?? member.name, active: changes.active ?? member.active });
    toast(result.ok ? { tone: 'success', text: t('staff.updated', { name: result.value.name }) } : { tone: 'error', text: describe(result.error) });
    if (!result.ok) setName(member.name);
  };
  return (
    <li className="staff-row">
      <input
        aria-label={t('staff.name', { name: member.name })}
        readOnly={readOnly}
        value={name}
        maxLength={limits.staffName}
        onChange={(event) => setName(event.target.value)}
        onBlur={() => name.trim() !== member.name && void save({ name })}
        onKeyDown={(event) => event.key === 'Enter' && (event.target as HTMLInputElement).blur()}
      />
      <label className="checkbox">
        <input type="checkbox" disabled={readOnly} checked={member.active} onChange={(event) => void save({ active: event.target.checked })} />
        {member.active ? t('staff.active') : t('staff.inactive')}
      </label>
    </li>
  );
};

export const StaffSection = ({ readOnly }: { readOnly: boolean }) => {
  const { t } = useTranslation(['settings', 'common']);
  const toast = useToast();
  const staff = useApi('staff-list', { includeInactive: true });
  const create = useApiMutation('staff-create');
  const [name, setName] = useState('');
  const [error, setError] = useState<AppError | null>(null);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const result = await create.mutateAsync({ name });
    if (!result.ok) return setError(result.error);
    setError(null);
    setName('');
    toast({ tone: 'success', text: t('staff.added', { name: result.value.name }) });
  };

  return (
    <section className="card" aria-labelledby="staff-title">
      <h2 id="staff-title">{t('staff.title')}</h2>
      <p className="field-hint">{t('staff.hint')}</p>
      {staff.isSuccess && staff.data.length === 0 && <p className="empty-state">{t('staff.empty')}</p>}
      <ul className="staff-list">
        {(staff.data ?? []).map((member) => (
          <StaffRow key={`${member.id}-${member.name}-${member.active}`} member={member} readOnly={readOnly} />
        ))}
      </ul>
      {!readOnly && (
        <form className="inline-form" onSubmit={(event) => void add(event)} noValidate>
          <ErrorNotice error={error?.code === 'VALIDATION_FAILED' ? null : error} />
          <Field label={t('staff.newName')} issue={issuesByPath(error).get('name')}>
            <input value={name} maxLength={limits.staffName} onChange={(event) => setName(event.target.value)} />
          </Field>
          <button type="submit" className="button" disabled={create.isPending}>
            {t('staff.add')}
          </button>
        </form>
      )}
    </section>
  );
};
