import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../../shared/limits';
import { useApiMutation } from '../../api/hooks';
import { useDescribeError } from '../../components/ErrorNotice';
import { useToast } from '../../components/Toast';
import './quick-note.css';

/**
 * One line added to a customer's notes, dated by the core, without opening the whole form. Not a
 * <form>: at the counter it sits inside the visit form, whose Enter and Ctrl+Enter it must not set off.
 */
export const QuickNote = ({ customerId, name }: { customerId: string; name: string }) => {
  const { t } = useTranslation('customers');
  const toast = useToast();
  const describe = useDescribeError();
  const addNote = useApiMutation('customers-add-note');
  const [note, setNote] = useState('');
  const save = async () => {
    if (note.trim() === '' || addNote.isPending) return;
    const result = await addNote.mutateAsync({ customerId, note });
    toast(result.ok ? { tone: 'success', text: t('quickNote.saved', { name }) } : { tone: 'error', text: describe(result.error) });
    if (result.ok) setNote('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Enter that ends an IME composition (typing Chinese) picks the characters; it does not save.
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    event.stopPropagation();
    void save();
  };
  return (
    <div className="quick-note">
      <input
        value={note}
        maxLength={limits.quickNote}
        placeholder={t('quickNote.placeholder')}
        aria-label={t('quickNote.label')}
        onChange={(event) => setNote(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <button type="button" className="button" disabled={addNote.isPending || note.trim() === ''} onClick={() => void save()}>
        {t('quickNote.save')}
      </button>
    </div>
  );
};
