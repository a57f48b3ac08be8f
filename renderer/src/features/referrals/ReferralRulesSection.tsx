import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferralRules } from '../../../../shared/contract/referrals';
import { rewardKinds, type RewardKind } from '../../../../shared/referrals/rules';
import type { AppError } from '../../../../shared/errors';
import { currencyExponent, parseAmount } from '../../../../shared/money';
import { useApi, useApiMutation } from '../../api/hooks';
import { useSettings } from '../../app/settings';
import { ErrorNotice, issuesByPath } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { useToast } from '../../components/Toast';

const amountText = (minor: number, currency: string): string => String(minor / 10 ** currencyExponent(currency));

/** The referral reward rules on the settings page; the owner changes them, staff see them. */
export const ReferralRulesSection = () => {
  const rules = useApi('referrals-rules-get', {});
  const session = useApi('session-get', {});
  const shop = useSettings();
  if (!rules.data || !shop) return null;
  return <ReferralRulesForm key={JSON.stringify(rules.data)} rules={rules.data} currency={shop.currency} editable={session.data?.role === 'owner'} />;
};

const ReferralRulesForm = ({ rules, currency, editable }: { rules: ReferralRules; currency: string; editable: boolean }) => {
  const { t } = useTranslation(['referrals', 'common']);
  const toast = useToast();
  const update = useApiMutation('referrals-rules-update');
  const [kind, setKind] = useState<RewardKind>(rules.rewardKind);
  const [discount, setDiscount] = useState(rules.rewardKind === 'discount' ? amountText(rules.rewardValue, currency) : '');
  const [points, setPoints] = useState(rules.rewardKind === 'points' ? String(rules.rewardValue) : '');
  const [gift, setGift] = useState(rules.rewardGift);
  const [minimum, setMinimum] = useState(amountText(rules.minFirstPurchaseMinor, currency));
  const [error, setError] = useState<AppError | null>(null);
  const issues = issuesByPath(error);
  const invalid = (path: string): AppError => ({ code: 'VALIDATION_FAILED', message: '', details: { issues: [{ path, rule: 'invalid_type' }] } });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const minimumMinor = minimum.trim() === '' ? 0 : parseAmount(minimum.trim(), currency);
    if (minimumMinor === null) return setError(invalid('minFirstPurchaseMinor'));
    const discountMinor = kind === 'discount' ? parseAmount(discount.trim(), currency) : 0;
    if (discountMinor === null) return setError(invalid('rewardValue'));
    const value = kind === 'discount' ? discountMinor : kind === 'points' ? Number(points) : 0;
    const result = await update.mutateAsync({ rewardKind: kind, rewardValue: value, rewardGift: kind === 'gift' ? gift : '', minFirstPurchaseMinor: minimumMinor });
    if (!result.ok) return setError(result.error);
    setError(null);
    toast({ tone: 'success', text: t('rules.saved') });
  };

  return (
    <form className="card" aria-labelledby="referral-rules-title" onSubmit={(event) => void submit(event)}>
      <h2 id="referral-rules-title">{t('rules.title')}</h2>
      {!editable && <p className="notice notice-warning">{t('rules.ownerOnly')}</p>}
      <ErrorNotice error={error?.code === 'VALIDATION_FAILED' ? null : error} />
      <fieldset className="field-group" disabled={!editable}>
        <legend>{t('rules.kind')}</legend>
        <p className="field-hint">{t('rules.hint')}</p>
        <div className="segmented reward-kinds" role="radiogroup" aria-label={t('rules.kind')}>
          {rewardKinds.map((option) => (
            <label key={option} className={kind === option ? 'segment active' : 'segment'}>
              <input type="radio" name="reward-kind" value={option} checked={kind === option} onChange={() => setKind(option)} />
              {t(`reward.kinds.${option}`)}
            </label>
          ))}
        </div>
        <div className="form-grid">
          {kind === 'discount' && (
            <Field label={t('rules.value')} issue={issues.get('rewardValue')}>
              <input inputMode="decimal" value={discount} onChange={(event) => setDiscount(event.target.value)} />
            </Field>
          )}
          {kind === 'points' && (
            <Field label={t('rules.points')} issue={issues.get('rewardValue')}>
              <input type="number" min={0} step={1} value={points} onChange={(event) => setPoints(event.target.value)} />
            </Field>
          )}
          {kind === 'gift' && (
            <Field label={t('rules.gift')} issue={issues.get('rewardGift')}>
              <input maxLength={200} value={gift} onChange={(event) => setGift(event.target.value)} />
            </Field>
          )}
          <Field label={t('rules.minimum')} issue={issues.get('minFirstPurchaseMinor')} hint={t('rules.minimumHint')}>
            <input inputMode="decimal" value={minimum} onChange={(event) => setMinimum(event.target.value)} />
          </Field>
        </div>
      </fieldset>
      {editable && (
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={update.isPending}>
            {t('common:actions.save')}
          </button>
        </div>
      )}
    </form>
  );
};
