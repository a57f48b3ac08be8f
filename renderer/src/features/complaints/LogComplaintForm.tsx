import { useRef, useState, type FormEvent, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { complaintCategories, complaintChannels, type ComplaintCategory, type ComplaintChannel } from '../../../../shared/contract/complaints';
import { severities, type Severity } from '../../../../shared/complaints/deadlines';
import type { AppError } from '../../../../shared/errors';
import { useApi, useApiMutation } from '../../api/hooks';
import { useFormat } from '../../app/format';
import { CustomerPicker, type PickedCustomer } from '../../components/CustomerPicker';
import { ErrorNotice, issuesByPath } from '../../components/ErrorNotice';
import { submitOnCtrlEnter } from '../../components/submitOnCtrlEnter';
import { Field } from '../../components/Field';
import { useToast } from '../../components/Toast';

const moveOnEnter = (event: KeyboardEvent, next: RefObject<HTMLElement | null>) => {
  if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey && !event.nativeEvent.isComposing) {
    event.preventDefault();
    next.current?.focus();
  }
};

/**
 * Logging at the counter in under a minute: customer (or anonymous) → about → severity → what
 * happened, Enter moving on and Ctrl+Enter logging; channel and owner default to the usual.
 */
export const LogComplaintForm = ({ onLogged, initialCustomer }: { onLogged: (id: string) => void; initialCustomer?: PickedCustomer | null }) => {
  const { t } = useTranslation(['complaints', 'common']);
  const toast = useToast();
  const format = useFormat();
  const session = useApi('session-get', {});
  const staff = useApi('staff-list', {});
  const rules = useApi('complaints-settings-get', {});
  const logComplaint = useApiMutation('complaints-log');
  const [picked, setPicked] = useState<PickedCustomer | null>(initialCustomer ?? null);
  const [channel, setChannel] = useState<ComplaintChannel>('in_person');
  const [category, setCategory] = useState<ComplaintCategory>('product_quality');
  const [severity, setSeverity] = useState<Severity>('medium');
  const [description, setDescription] = useState('');
  const [ownerChoice, setOwnerChoice] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const pickerRef = useRef<HTMLInputElement>(null);
  const categoryRef = useRef<HTMLSelectElement>(null);
  const severityRef = useRef<HTMLSelectElement>(null);
  const descriptionRef = useRef<HTMLTextAreaElement>(null);
  const ownerId = ownerChoice ?? session.data?.staffId ?? '';
  const issues = issuesByPath(error);

  const hours = rules.data
    ? {
        reply: severity === 'high' ? rules.data.replyHoursHigh : severity === 'medium' ? rules.data.replyHoursMedium : rules.data.replyHoursLow,
        resolve: severity === 'high' ? rules.data.resolveHoursHigh : severity === 'medium' ? rules.data.resolveHoursMedium : rules.data.resolveHoursLow,
      }
    : null;

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (logComplaint.isPending) return;
    if (picked === null) {
      toast({ tone: 'error', text: t('log.pickFirst') });
      pickerRef.current?.focus();
      return;
    }
    const result = await logComplaint.mutateAsync({
      customerId: picked.kind === 'customer' ? picked.customer.id : null,
      channel,
      category,
      severity,
      description,
      ownerStaffId: ownerId === '' ? null : ownerId,
    });
    if (!result.ok) {
      setError(result.error);
      if (result.error.code === 'VALIDATION_FAILED') descriptionRef.current?.focus();
      return;
    }
    toast({ tone: 'success', text: t('log.logged', { reply: format.dateTime(result.value.reply.dueAt) }) });
    onLogged(result.value.id);
  };

  return (
    <form
      className="form complaint-form"
      noValidate
      aria-label={t('log.title')}
      onSubmit={(event) => void submit(event)}
      onKeyDown={submitOnCtrlEnter}
    >
      <ErrorNotice error={error} />
      {picked === null ? (
        <CustomerPicker
          label={t('log.customer')}
          allowWalkIn
          walkInLabel={t('log.anonymous')}
          autoFocus
          inputRef={pickerRef}
          onPick={(choice) => {
            setPicked(choice);
            requestAnimationFrame(() => categoryRef.current?.focus());
          }}
          onEnterAhead={() => categoryRef.current?.focus()}
          onNoMatch={() => pickerRef.current?.focus()}
        />
      ) : (
        <div className="selected-customer" aria-live="polite">
          <span className="selected-label">{t('log.customer')}</span>
          <strong>{picked.kind === 'customer' ? picked.customer.name : t('log.anonymous')}</strong>
          {picked.kind === 'customer' && <span className="row-phones">{picked.customer.phones.join(' · ')}</span>}
          <button type="button" className="button-link" onClick={() => setPicked(null)}>
            {t('common:actions.edit')}
          </button>
        </div>
      )}
      <div className="form-grid">
        <Field label={t('log.category')} issue={issues.get('category')}>
          <select ref={categoryRef} value={category} onChange={(event) => setCategory(event.target.value as ComplaintCategory)} onKeyDown={(event) => moveOnEnter(event, severityRef)}>
            {complaintCategories.map((option) => (
              <option key={option} value={option}>
                {t(`categories.${option}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={t('log.severity')}
          issue={issues.get('severity')}
          hint={hours && `${t('log.promises', { reply: hours.reply, resolve: hours.resolve })}${rules.data?.openingHoursOnly ? ` ${t('log.openingHoursOnly')}` : ''}`}
        >
          <select ref={severityRef} value={severity} onChange={(event) => setSeverity(event.target.value as Severity)} onKeyDown={(event) => moveOnEnter(event, descriptionRef)}>
            {severities.map((option) => (
              <option key={option} value={option}>
                {t(`severities.${option}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('log.description')} issue={issues.get('description')} hint={t('log.descriptionHint')} className="span-2">
          <textarea ref={descriptionRef} rows={3} value={description} onChange={(event) => setDescription(event.target.value)} />
        </Field>
        <Field label={t('log.channel')}>
          <select value={channel} onChange={(event) => setChannel(event.target.value as ComplaintChannel)}>
            {complaintChannels.map((option) => (
              <option key={option} value={option}>
                {t(`channels.${option}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('log.owner')} issue={issues.get('ownerStaffId')} hint={t('log.ownerHint')}>
          <select value={ownerId} onChange={(event) => setOwnerChoice(event.target.value)}>
            <option value="">{t('common:counterStaff.nobody')}</option>
            {(staff.data ?? []).map((member) => (
              <option key={member.id} value={member.id}>
                {member.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={logComplaint.isPending}>
          {logComplaint.isPending ? t('common:saving') : t('log.submit')}
        </button>
      </div>
    </form>
  );
};
