import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { customerSources, genders, needTypes } from '../../../../shared/contract/customers';
import type { AppError, FieldIssue } from '../../../../shared/errors';
import { limits } from '../../../../shared/limits';
import { ApiError } from '../../api/client';
import { useApi, useApiMutation, useFetchNow } from '../../api/hooks';
import { ErrorNotice, issuesByPath, useDescribeError } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { submitOnCtrlEnter } from '../../components/submitOnCtrlEnter';
import { useToast } from '../../components/Toast';
import { ReferrerField, type ChosenReferrer } from '../referrals/ReferrerField';
import type { DuplicateCandidate } from '../../../../shared/contract/customers';
import { allConfirmed, DuplicateWarning, holdsSave, duplicateProbe, isProbeEmpty, useDuplicateCandidates } from './DuplicateWarning';
import { emptyForm, formFromCustomer, formToInput, type CustomerFormState } from './form-state';

/** Field issues of the edit handler are under "fields."; the form shows them by field name. */
const withoutPrefix = (error: AppError | null): Map<string, FieldIssue> => {
  const issues = new Map<string, FieldIssue>();
  for (const [path, issue] of issuesByPath(error)) issues.set(path.replace(/^fields\./, ''), issue);
  return issues;
};

export const CustomerFormPage = () => {
  const { id } = useParams();
  const editing = id !== undefined;
  const existing = useApi('customers-get', { id: id ?? '' }, { enabled: editing });
  const referrals = useApi('referrals-tree', { id: id ?? '' }, { enabled: editing });
  if (editing && (!existing.data || !referrals.data)) {
    const failed = existing.error ?? referrals.error;
    return <ErrorNotice error={failed instanceof ApiError ? failed.error : null} />;
  }
  const referrer = referrals.data?.referredBy?.referrer ?? null;
  return (
    <CustomerForm
      key={id ?? 'new'}
      id={id ?? null}
      initial={existing.data ? formFromCustomer(existing.data) : emptyForm}
      initialReferrer={referrer && { id: referrer.id, name: referrer.name }}
    />
  );
};

const CustomerForm = ({ id, initial, initialReferrer }: { id: string | null; initial: CustomerFormState; initialReferrer: ChosenReferrer }) => {
  const { t } = useTranslation(['customers', 'common']);
  const navigate = useNavigate();
  const toast = useToast();
  const describe = useDescribeError();
  const [form, setForm] = useState(initial);
  const [error, setError] = useState<AppError | null>(null);
  const [referrer, setReferrer] = useState(initialReferrer);
  const setReferral = useApiMutation('referrals-set');
  const staff = useApi('staff-list', {});
  const create = useApiMutation('customers-create');
  const update = useApiMutation('customers-update');
  const saving = create.isPending || update.isPending || setReferral.isPending;
  const issues = withoutPrefix(error);
  const set = <K extends keyof CustomerFormState>(key: K, value: CustomerFormState[K]) => setForm((current) => ({ ...current, [key]: value }));
  const fetchNow = useFetchNow();
  const probe = duplicateProbe(form, id);
  // What a held-back save found, for the fields as they were then; typing again goes back to the live check.
  const [checked, setChecked] = useState<{ probe: string; candidates: DuplicateCandidate[] } | null>(null);
  const typedCandidates = useDuplicateCandidates(probe);
  const candidates = checked !== null && checked.probe === JSON.stringify(probe) ? checked.candidates : typedCandidates;
  const [confirmedIds, setConfirmedIds] = useState<ReadonlySet<string>>(new Set());
  const [heldBack, setHeldBack] = useState(false);
  const [holds, setHolds] = useState(0);
  const warningRef = useRef<HTMLElement>(null);
  const confirmed = holdsSave(candidates) && allConfirmed(candidates, confirmedIds);

  // Each held-back save brings the warning into view and the keyboard to its checkbox, once it is drawn.
  useEffect(() => {
    if (holds === 0) return;
    warningRef.current?.scrollIntoView({ block: 'center' });
    warningRef.current?.querySelector<HTMLInputElement>('#duplicate-confirm')?.focus();
  }, [holds]);

  /**
   * A possible duplicate holds the save back — from the button and from Ctrl+Enter alike — until the
   * checkbox says it is someone else. The check runs now, so a save typed faster than the debounce is caught.
   */
  const duplicatesHoldBack = async (): Promise<boolean> => {
    const current = isProbeEmpty(probe) ? [] : await fetchNow('customers-find-duplicates', probe).catch(() => typedCandidates);
    if (current.length === 0 || allConfirmed(current, confirmedIds)) return false;
    setChecked({ probe: JSON.stringify(probe), candidates: current });
    setHeldBack(true);
    setHolds((count) => count + 1);
    return true;
  };

  useEffect(() => {
    const title = id ? t('form.editTitle', { name: initial.name }) : t('form.newTitle');
    document.title = `${title} · ${t('common:appName')}`;
  }, [id, initial.name, t]);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (saving) return;
    if (await duplicatesHoldBack()) return;
    const fields = formToInput(form);
    const result = id ? await update.mutateAsync({ id, fields }) : await create.mutateAsync(fields);
    if (!result.ok) {
      setError(result.error);
      const firstInvalid = document.querySelector<HTMLElement>('[aria-invalid="true"]');
      firstInvalid?.focus();
      return;
    }
    if ((referrer?.id ?? null) !== (initialReferrer?.id ?? null)) {
      // The customer is saved either way; a refused referrer (themselves, or someone they brought) is said plainly.
      const linked = await setReferral.mutateAsync({ customerId: result.value.id, referrerId: referrer?.id ?? null });
      if (!linked.ok) {
        if (id) return setError(linked.error);
        toast({ tone: 'error', text: describe(linked.error) });
      }
    }
    toast({ tone: 'success', text: t(id ? 'form.saved' : 'form.created', { name: result.value.name }) });
    navigate(`/customers/${result.value.id}`, { replace: true });
  };

  return (
    <section className="page" aria-labelledby="customer-form-title">
      <header className="page-header">
        <h1 id="customer-form-title">{id ? t('form.editTitle', { name: initial.name }) : t('form.newTitle')}</h1>
      </header>
      <form
        className="form"
        noValidate
        onSubmit={(event) => void submit(event)}
        onKeyDown={submitOnCtrlEnter}
      >
        <ErrorNotice error={error} />
        <div className="form-grid">
          <Field label={t('form.name')} issue={issues.get('name')}>
            <input autoFocus value={form.name} maxLength={limits.name} onChange={(event) => set('name', event.target.value)} />
          </Field>
          <fieldset className="field-group span-2">
            <legend>{t('form.phones')}</legend>
            {form.phones.map((phone, index) => (
              <div className="phone-row" key={index}>
                <Field label={t('form.phone', { number: index + 1 })} issue={issues.get(`phones.${index}`)} hideLabel>
                  <input
                    type="tel"
                    inputMode="tel"
                    value={phone}
                    onChange={(event) => set('phones', form.phones.map((value, at) => (at === index ? event.target.value : value)))}
                  />
                </Field>
                {form.phones.length > 1 && (
                  <button type="button" className="button-link" onClick={() => set('phones', form.phones.filter((_, at) => at !== index))}>
                    {t('common:actions.remove')}
                  </button>
                )}
              </div>
            ))}
            {form.phones.length < limits.phones && (
              <button type="button" className="button-link" onClick={() => set('phones', [...form.phones, ''])}>
                {t('form.addPhone')}
              </button>
            )}
          </fieldset>
          <DuplicateWarning
            ref={warningRef}
            candidates={candidates}
            confirmed={confirmed}
            heldBack={heldBack}
            onConfirmedChange={(next) => setConfirmedIds(next ? new Set(candidates.map(({ customer }) => customer.id)) : new Set())}
          />
          <ReferrerField
            value={referrer}
            onChange={(next) => {
              setReferrer(next);
              if (next !== null && form.source === '') set('source', 'referral');
            }}
          />
          <Field label={t('form.email')} issue={issues.get('email')}>
            <input type="email" value={form.email} onChange={(event) => set('email', event.target.value)} />
          </Field>
          <fieldset className="field-group birthday span-2">
            <legend>{t('form.birthday')}</legend>
            <Field label={t('form.birthdayMonth')} issue={issues.get('birthday.month') ?? issues.get('birthday')}>
              <input inputMode="numeric" size={3} value={form.birthdayMonth} onChange={(event) => set('birthdayMonth', event.target.value)} />
            </Field>
            <Field label={t('form.birthdayDay')} issue={issues.get('birthday.day')}>
              <input inputMode="numeric" size={3} value={form.birthdayDay} onChange={(event) => set('birthdayDay', event.target.value)} />
            </Field>
            <Field label={t('form.birthdayYear')} issue={issues.get('birthday.year')} hint={t('form.birthdayHint')}>
              <input inputMode="numeric" size={5} value={form.birthdayYear} onChange={(event) => set('birthdayYear', event.target.value)} />
            </Field>
          </fieldset>
          <Field label={t('form.tags')} issue={issues.get('tags') ?? [...issues.entries()].find(([path]) => path.startsWith('tags.'))?.[1]} hint={t('form.labelsHint')}>
            <input value={form.tags} onChange={(event) => set('tags', event.target.value)} />
          </Field>
          <Field
            label={t('form.interests')}
            issue={issues.get('interests') ?? [...issues.entries()].find(([path]) => path.startsWith('interests.'))?.[1]}
            hint={t('form.labelsHint')}
          >
            <input value={form.interests} onChange={(event) => set('interests', event.target.value)} />
          </Field>
          <Field label={t('form.source')} issue={issues.get('source')}>
            <select value={form.source} onChange={(event) => set('source', event.target.value as CustomerFormState['source'])}>
              <option value="">{t('form.unset')}</option>
              {customerSources.map((source) => (
                <option key={source} value={source}>
                  {t(`common:sources.${source}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('form.needType')} issue={issues.get('needType')}>
            <select value={form.needType} onChange={(event) => set('needType', event.target.value as CustomerFormState['needType'])}>
              <option value="">{t('form.unset')}</option>
              {needTypes.map((needType) => (
                <option key={needType} value={needType}>
                  {t(`common:needTypes.${needType}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('form.gender')} issue={issues.get('gender')}>
            <select value={form.gender} onChange={(event) => set('gender', event.target.value as CustomerFormState['gender'])}>
              <option value="">{t('form.unset')}</option>
              {genders.map((gender) => (
                <option key={gender} value={gender}>
                  {t(`common:genders.${gender}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('form.ownerStaff')} issue={issues.get('ownerStaffId')}>
            <select value={form.ownerStaffId} onChange={(event) => set('ownerStaffId', event.target.value)}>
              <option value="">{t('form.unset')}</option>
              {(staff.data ?? []).map((member) => (
                <option key={member.id} value={member.id}>
                  {member.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('form.address')} issue={issues.get('address')} className="span-2">
            <input value={form.address} onChange={(event) => set('address', event.target.value)} />
          </Field>
          <Field label={t('form.notes')} issue={issues.get('notes')} className="span-2">
            <textarea rows={3} value={form.notes} onChange={(event) => set('notes', event.target.value)} />
          </Field>
          <label className="checkbox span-2">
            <input type="checkbox" checked={form.consentToContact} onChange={(event) => set('consentToContact', event.target.checked)} />
            {t('form.consent')}
          </label>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={saving}>
            {saving ? t('common:saving') : t('common:actions.save')}
          </button>
          <button type="button" className="button" onClick={() => navigate(-1)}>
            {t('common:actions.cancel')}
          </button>
          <span className="field-hint">{t('form.submitHint')}</span>
        </div>
      </form>
    </section>
  );
};
