import { useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { contactMethods, type ContactMethod } from '../../../../shared/contract/visits';
import type { AppError } from '../../../../shared/errors';
import { useApiMutation } from '../../api/hooks';
import { CustomerPicker, type PickedCustomer } from '../../components/CustomerPicker';
import { ErrorNotice, issuesByPath } from '../../components/ErrorNotice';
import { submitOnCtrlEnter } from '../../components/submitOnCtrlEnter';
import { Field } from '../../components/Field';
import { useToast } from '../../components/Toast';
import { SelectedCustomer } from './SelectedCustomer';

type Customer = Extract<PickedCustomer, { kind: 'customer' }>;

/** A contact that is not a sale (a call, a message, a home visit): it keeps the relationship alive. */
export const ContactForm = ({ picked, onPick }: { picked: Customer | null; onPick: (picked: PickedCustomer | null) => void }) => {
  const { t } = useTranslation(['counter', 'common']);
  const toast = useToast();
  const logContact = useApiMutation('visits-log-contact');
  const [method, setMethod] = useState<ContactMethod>('call');
  const [note, setNote] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const pickerRef = useRef<HTMLInputElement>(null);
  const issues = issuesByPath(error);
  const focusNoteAfterPick = useRef(false);
  useLayoutEffect(() => {
    const stillPicking = document.activeElement === null || document.activeElement === document.body;
    if (picked !== null && focusNoteAfterPick.current && stillPicking) noteRef.current?.focus();
    focusNoteAfterPick.current = false;
  }, [picked]);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (logContact.isPending) return;
    if (picked === null) {
      toast({ tone: 'error', text: t('visit.pickFirst') });
      pickerRef.current?.focus();
      return;
    }
    const result = await logContact.mutateAsync({ customerId: picked.customer.id, method, note });
    if (!result.ok) {
      setError(result.error);
      return;
    }
    toast({ tone: 'success', text: t('contact.logged', { who: picked.customer.name }) });
    setNote('');
    setError(null);
    onPick(null);
  };

  return (
    <form
      className="form counter-form"
      noValidate
      aria-label={t('modes.contact')}
      onSubmit={(event) => void submit(event)}
      onKeyDown={submitOnCtrlEnter}
    >
      <ErrorNotice error={error} />
      {picked === null ? (
        <CustomerPicker
          label={t('visit.customer')}
          autoFocus
          inputRef={pickerRef}
          onPick={(choice) => {
            focusNoteAfterPick.current = true;
            onPick(choice);
          }}
          onEnterAhead={() => noteRef.current?.focus()}
          onNoMatch={() => pickerRef.current?.focus()}
        />
      ) : (
        <SelectedCustomer picked={picked} onChange={() => onPick(null)} />
      )}
      <fieldset className="field-group">
        <legend>{t('contact.method')}</legend>
        <div className="segmented">
          {contactMethods.map((option) => (
            <label key={option} className={method === option ? 'segment active' : 'segment'}>
              <input type="radio" name="contact-method" value={option} checked={method === option} onChange={() => setMethod(option)} />
              {t(`common:contactMethods.${option}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <Field label={t('contact.note')} issue={issues.get('note')}>
        <textarea ref={noteRef} rows={3} value={note} onChange={(event) => setNote(event.target.value)} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={logContact.isPending}>
          {logContact.isPending ? t('common:saving') : t('contact.save')}
        </button>
      </div>
    </form>
  );
};
