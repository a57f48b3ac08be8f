import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/errors';
import { useApiMutation } from '../../api/hooks';
import { useIsOwner } from '../../app/session';
import { useSettings } from '../../app/settings';
import { ErrorNotice, issuesByPath } from '../../components/ErrorNotice';
import { useToast } from '../../components/Toast';
import { RegionFields, type Region } from './RegionFields';
import './region-prompt.css';

/**
 * A book set up before setup asked for the region kept the country its computer suggested: the
 * owner is asked once, on whatever screen they open, until they save a country (this one or any).
 */
export const RegionPrompt = () => {
  const settings = useSettings();
  const owner = useIsOwner();
  if (!owner || settings === undefined || settings.regionConfirmed) return null;
  return <RegionQuestion initial={{ country: settings.country, currency: settings.currency, timeZone: settings.timeZone }} />;
};

const RegionQuestion = ({ initial }: { initial: Region }) => {
  const { t } = useTranslation('settings');
  const toast = useToast();
  const update = useApiMutation('settings-update');
  const [region, setRegion] = useState(initial);
  const [error, setError] = useState<AppError | null>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const result = await update.mutateAsync(region);
    if (!result.ok) return setError(result.error);
    toast({ tone: 'success', text: t('regionPrompt.saved') });
  };

  return (
    <form className="region-prompt" aria-labelledby="region-prompt-title" onSubmit={(event) => void save(event)}>
      <h2 id="region-prompt-title">{t('regionPrompt.title')}</h2>
      <p>{t('regionPrompt.body')}</p>
      <ErrorNotice error={error?.code === 'VALIDATION_FAILED' ? null : error} />
      <div className="form-grid">
        <RegionFields value={region} issues={issuesByPath(error)} onChange={setRegion} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={update.isPending}>
          {t('regionPrompt.save')}
        </button>
      </div>
    </form>
  );
};
