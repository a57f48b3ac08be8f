import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agenda, AssigneeFilter } from '../../../../shared/contract/reminders';
import { reminderKinds } from '../../../../shared/reminders/kinds';
import { useApi } from '../../api/hooks';
import { useReminderText } from './format';

interface Props {
  agenda: Agenda | undefined;
  kinds: readonly string[];
  assignee: AssigneeFilter;
  onKinds(kinds: string[]): void;
  onAssignee(assignee: AssigneeFilter): void;
}

const assigneeValue = (assignee: AssigneeFilter): string => (typeof assignee === 'string' ? assignee : assignee.staffId);

/** Kind toggles with counts, and whose reminders: anyone, not assigned, or one staff member. */
export const AgendaFilters = ({ agenda, kinds, assignee, onKinds, onAssignee }: Props) => {
  const { t } = useTranslation('reminders');
  const text = useReminderText();
  const staff = useApi('staff-list', { includeInactive: true });
  const assigneeId = useId();
  const countOf = (kind: string) => agenda?.countsByKind.find((entry) => entry.kind === kind)?.count ?? 0;
  const countFor = (staffId: string | null) => agenda?.countsByAssignee.find((entry) => entry.staffId === staffId)?.count ?? 0;
  const toggle = (kind: string) => onKinds(kinds.includes(kind) ? kinds.filter((name) => name !== kind) : [...kinds, kind]);
  const total = agenda?.countsByKind.reduce((sum, entry) => sum + entry.count, 0) ?? 0;

  return (
    <div className="toolbar agenda-filters" role="group" aria-label={t('filters.label')}>
      <div className="kind-filters" role="group" aria-label={t('filters.kinds')}>
        <button type="button" className={kinds.length === 0 ? 'chip active' : 'chip'} aria-pressed={kinds.length === 0} onClick={() => onKinds([])}>
          {t('filters.clear')} <span className="chip-count">{total}</span>
        </button>
        {reminderKinds.map((kind) => (
          <button key={kind.name} type="button" className={kinds.includes(kind.name) ? 'chip active' : 'chip'} aria-pressed={kinds.includes(kind.name)} onClick={() => toggle(kind.name)}>
            {text.label(kind.name)} <span className="chip-count">{countOf(kind.name)}</span>
          </button>
        ))}
      </div>
      <div className="inline-field">
        <label htmlFor={assigneeId}>{t('filters.assignee')}</label>
        <select
          id={assigneeId}
          value={assigneeValue(assignee)}
          onChange={(event) => {
            const value = event.target.value;
            onAssignee(value === 'anyone' || value === 'nobody' ? value : { staffId: value });
          }}
        >
          <option value="anyone">{t('filters.anyone')}</option>
          <option value="nobody">
            {t('filters.nobody')} ({countFor(null)})
          </option>
          {(staff.data ?? []).map((member) => (
            <option key={member.id} value={member.id}>
              {member.name} ({countFor(member.id)})
            </option>
          ))}
        </select>
      </div>
    </div>
  );
};
