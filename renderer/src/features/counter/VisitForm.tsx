import { useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { SatisfactionLevel } from '../../../../shared/contract/fields';
import { visitChannels, type VisitChannel } from '../../../../shared/contract/visits';
import type { AppError } from '../../../../shared/errors';
import { parseAmount } from '../../../../shared/money';
import { useApi, useApiMutation } from '../../api/hooks';
import { useFocusRequest } from '../../app/focus-requests';
import { useFormat } from '../../app/format';
import { CustomerPicker, type PickedCustomer } from '../../components/CustomerPicker';
import { ErrorNotice, issuesByPath, useDescribeError } from '../../components/ErrorNotice';
import { submitOnCtrlEnter } from '../../components/submitOnCtrlEnter';
import { Field } from '../../components/Field';
import { SatisfactionPicker } from '../../components/SatisfactionPicker';
import { useToast } from '../../components/Toast';
import { SelectedCustomer } from './SelectedCustomer';

interface VisitFormProps {
  picked: PickedCustomer | null;
  onPick: (picked: PickedCustomer | null) => void;
}

/** Enter on a field moves to the next one: find → amount → items → note → satisfaction → log. */
const moveOnEnter = (event: KeyboardEvent, next: RefObject<HTMLElement | null>) => {
  if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey && !event.nativeEvent.isComposing) {
    event.preventDefault();
    next.current?.focus();
  }
};

export const VisitForm = ({ picked, onPick }: VisitFormProps) => {
  const { t } = useTranslation(['counter', 'common']);
  const format = useFormat();
  const toast = useToast();
  const describe = useDescribeError();
  const session = useApi('session-get', {});
  const staff = useApi('staff-list', {});
  const logVisit = useApiMutation('visits-log');
  const archiveVisit = useApiMutation('visits-archive');

  const [amount, setAmount] = useState('');
  const [items, setItems] = useState('');
  const [note, setNote] = useState('');
  const [satisfaction, setSatisfaction] = useState<SatisfactionLevel | null>(null);
  const [channel, setChannel] = useState<VisitChannel>('store');
  const [staffChoice, setStaffChoice] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [amountInvalid, setAmountInvalid] = useState(false);

  const pickerRef = useRef<HTMLInputElement>(null);
  const amountRef = useRef<HTMLInputElement>(null);
  const itemsRef = useRef<HTMLInputElement>(null);
  const noteRef = useRef<HTMLInputElement>(null);
  const satisfactionRef = useRef<HTMLDivElement>(null);
  useFocusRequest('log-visit', pickerRef);

  // Focus moves in the same commit as the pick, so keys typed straight after Enter land in Amount;
  // if the user already moved on (an early Enter), the pick does not pull them back.
  const focusAmountAfterPick = useRef(false);
  useLayoutEffect(() => {
    const stillPicking = document.activeElement === null || document.activeElement === document.body;
    if (picked !== null && focusAmountAfterPick.current && stillPicking) amountRef.current?.focus();
    focusAmountAfterPick.current = false;
  }, [picked]);

  const staffId = staffChoice ?? session.data?.staffId ?? '';
  const issues = issuesByPath(error);

  const reset = () => {
    setAmount('');
    setItems('');
    setNote('');
    setSatisfaction(null);
    setError(null);
    setAmountInvalid(false);
    onPick(null);
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (logVisit.isPending) return;
    if (picked === null) {
      toast({ tone: 'error', text: t('visit.pickFirst') });
      pickerRef.current?.focus();
      return;
    }
    const amountMinor = amount.trim() === '' ? null : parseAmount(amount, format.currency);
    if (amountMinor === null && amount.trim() !== '') {
      setAmountInvalid(true);
      amountRef.current?.focus();
      return;
    }
    const result = await logVisit.mutateAsync({
      customerId: picked.kind === 'customer' ? picked.customer.id : null,
      amountMinor,
      items,
      note,
      satisfaction,
      channel,
      staffId: staffId === '' ? null : staffId,
    });
    if (!result.ok) {
      setError(result.error);
      return;
    }
    const who = picked.kind === 'customer' ? picked.customer.name : t('visit.walkIn');
    const visitId = result.value.id;
    toast({
      tone: 'success',
      text: amountMinor === null ? t('visit.logged', { who }) : t('visit.loggedAmount', { who, amount: format.money(amountMinor) }),
      action: {
        label: t('common:actions.undo'),
        run: () =>
          void archiveVisit.mutateAsync({ id: visitId }).then((undo) =>
            toast(undo.ok ? { tone: 'success', text: t('visit.undone') } : { tone: 'error', text: describe(undo.error) }),
          ),
      },
    });
    reset();
  };

  return (
    <form
      className="form counter-form"
      noValidate
      aria-label={t('modes.visit')}
      onSubmit={(event) => void submit(event)}
      onKeyDown={submitOnCtrlEnter}
    >
      <ErrorNotice error={error} />
      {picked === null ? (
        <CustomerPicker
          label={t('visit.customer')}
          allowWalkIn
          autoFocus
          inputRef={pickerRef}
          onPick={(choice) => {
            focusAmountAfterPick.current = true;
            onPick(choice);
          }}
          onEnterAhead={() => amountRef.current?.focus()}
          onNoMatch={() => pickerRef.current?.focus()}
        />
      ) : (
        <SelectedCustomer picked={picked} onChange={() => reset()} />
      )}
      <div className="form-grid">
        <Field
          label={`${t('visit.amount')} (${format.currency})`}
          issue={issues.get('amountMinor')}
          hint={amountInvalid ? <span className="field-error">{t('visit.amountInvalid')}</span> : t('visit.amountHint')}
        >
          <input
            ref={amountRef}
            inputMode="decimal"
            autoComplete="off"
            value={amount}
            onChange={(event) => {
              setAmount(event.target.value);
              setAmountInvalid(false);
            }}
            onKeyDown={(event) => moveOnEnter(event, itemsRef)}
          />
        </Field>
        <Field label={t('visit.items')} issue={issues.get('items')}>
          <input ref={itemsRef} autoComplete="off" value={items} onChange={(event) => setItems(event.target.value)} onKeyDown={(event) => moveOnEnter(event, noteRef)} />
        </Field>
        <Field label={t('visit.note')} issue={issues.get('note')} className="span-2">
          <input ref={noteRef} autoComplete="off" value={note} onChange={(event) => setNote(event.target.value)} onKeyDown={(event) => moveOnEnter(event, satisfactionRef)} />
        </Field>
      </div>
      <div className="field">
        <span className="field-label" id="satisfaction-label">
          {t('common:satisfaction.label')} <span className="muted">({t('common:optional')})</span>
        </span>
        <SatisfactionPicker value={satisfaction} onChange={setSatisfaction} groupRef={satisfactionRef} onEnter={() => void submit()} />
      </div>
      <div className="form-grid">
        <Field label={t('visit.channel')}>
          <select value={channel} onChange={(event) => setChannel(event.target.value as VisitChannel)}>
            {visitChannels.map((option) => (
              <option key={option} value={option}>
                {t(`common:channels.${option}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('visit.staff')} issue={issues.get('staffId')}>
          <select value={staffId} onChange={(event) => setStaffChoice(event.target.value)}>
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
        <button type="submit" className="button button-primary" disabled={logVisit.isPending}>
          {logVisit.isPending ? t('common:saving') : t('visit.save')}
        </button>
        <span className="field-hint">{t('visit.flowHint')}</span>
      </div>
    </form>
  );
};
