import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoyaltySettings } from '../../../../shared/contract/loyalty';
import type { AppError } from '../../../../shared/errors';
import { useApi, useApiMutation } from '../../api/hooks';
import { useIsOwner } from '../../app/session';
import { ErrorNotice, issuesByPath } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { useToast } from '../../components/Toast';

const shareKeys = ['keyShare', 'majorShare', 'regularShare'] as const;
const numberKeys = ['pointsPerLift', 'maxLift', 'remainingYears', 'valueDiscountPercent'] as const;
type Key = (typeof shareKeys)[number] | (typeof numberKeys)[number];

/** The tier thresholds (as percentages) and value assumptions: the owner's alone, since they speak of money. */
export const LoyaltySettingsSection = () => {
  const owner = useIsOwner();
  const settings = useApi('loyalty-settings-get', {}, { enabled: owner });
  if (!owner || !settings.data) return null;
  return <LoyaltySettingsForm key={JSON.stringify(settings.data)} settings={settings.data} />;
};

const LoyaltySettingsForm = ({ settings }: { settings: LoyaltySettings }) => {
  const { t } = useTranslation(['loyalty', 'common']);
  const toast = useToast();
  const update = useApiMutation('loyalty-settings-update');
  const [values, setValues] = useState<Record<Key, string>>(() => ({
    keyShare: String(Math.round(settings.keyShare * 1000) / 10),
    majorShare: String(Math.round(settings.majorShare * 1000) / 10),
    regularShare: String(Math.round(settings.regularShare * 1000) / 10),
    pointsPerLift: String(settings.pointsPerLift),
    maxLift: String(settings.maxLift),
    remainingYears: String(settings.remainingYears),
    valueDiscountPercent: String(settings.valueDiscountPercent),
  }));
  const [error, setError] = useState<AppError | null>(null);
  const issues = issuesByPath(error);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const changes = Object.fromEntries([
      ...shareKeys.map((key) => [key, Number(values[key]) / 100]),
      ...numberKeys.map((key) => [key, Number(values[key])]),
    ]) as Partial<LoyaltySettings>;
    const result = await update.mutateAsync(changes);
    if (!result.ok) return setError(result.error);
    setError(null);
    toast({ tone: 'success', text: t('settings.saved') });
  };

  return (
    <section className="card" aria-labelledby="loyalty-settings-title">
      <h2 id="loyalty-settings-title">{t('settings.heading')}</h2>
      <p className="muted">{t('settings.intro')}</p>
      <form onSubmit={(event) => void submit(event)} className="settings-form">
        {[...shareKeys, ...numberKeys].map((key) => (
          <Field key={key} label={t(`settings.${key}`)} issue={issues.get(key)}>
            <input type="number" inputMode="decimal" step={key === 'remainingYears' || key === 'valueDiscountPercent' || shareKeys.includes(key as (typeof shareKeys)[number]) ? 0.5 : 1} value={values[key]} onChange={(event) => setValues({ ...values, [key]: event.target.value })} />
          </Field>
        ))}
        {error && !issues.size && <ErrorNotice error={error} />}
        <button type="submit" className="button button-primary" disabled={update.isPending}>
          {t('settings.save')}
        </button>
      </form>
    </section>
  );
};
