import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SatisfactionLevel } from '../../../../shared/contract/fields';
import { useApiMutation } from '../../api/hooks';
import { Field } from '../../components/Field';
import { SatisfactionPicker } from '../../components/SatisfactionPicker';
import { useDescribeError } from '../../components/ErrorNotice';
import { useToast } from '../../components/Toast';

/** Asks how satisfied a customer is, away from a visit (a call, a chat at the door): anyone at the counter. */
export const SatisfactionCapture = ({ customerId }: { customerId: string }) => {
  const { t } = useTranslation(['loyalty']);
  const toast = useToast();
  const describe = useDescribeError();
  const record = useApiMutation('satisfaction-record');
  const [level, setLevel] = useState<SatisfactionLevel | null>(null);
  const [note, setNote] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (level === null) return;
    const result = await record.mutateAsync({ customerId, level, note });
    if (!result.ok) return toast({ tone: 'error', text: describe(result.error) });
    setLevel(null);
    setNote('');
    toast({ tone: 'success', text: t('satisfaction.saved') });
  };

  return (
    <form className="satisfaction-capture" onSubmit={(event) => void submit(event)} aria-labelledby="satisfaction-capture-title">
      <h2 id="satisfaction-capture-title">{t('satisfaction.ask')}</h2>
      <SatisfactionPicker value={level} onChange={setLevel} />
      <Field label={t('satisfaction.note')}>
        <input type="text" value={note} maxLength={500} onChange={(event) => setNote(event.target.value)} />
      </Field>
      <button type="submit" className="button" disabled={level === null || record.isPending}>
        {t('satisfaction.save')}
      </button>
    </form>
  );
};
