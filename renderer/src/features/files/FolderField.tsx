import { useTranslation } from 'react-i18next';
import { useDescribeError } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { useToast } from '../../components/Toast';
import { hasNativeDialogs, pickWithNativeDialog } from './files';

/** A folder on this computer: typed, or chosen with the system's dialog in the desktop app. */
export const FolderField = ({ label, hint, value, onChange }: { label: string; hint?: string; value: string; onChange: (folder: string) => void }) => {
  const { t } = useTranslation('data');
  const toast = useToast();
  const describe = useDescribeError();
  const choose = async () => {
    const picked = await pickWithNativeDialog('folder');
    if (!picked.ok) return toast({ tone: 'error', text: describe(picked.error) });
    if (picked.value !== null) onChange(picked.value);
  };
  return (
    <div className="folder-field">
      <Field label={label} hint={hint}>
        <input value={value} spellCheck={false} onChange={(event) => onChange(event.target.value)} />
      </Field>
      {hasNativeDialogs() && (
        <button type="button" className="button" onClick={() => void choose()}>
          {t('settings.choose')}
        </button>
      )}
    </div>
  );
};
