import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerValueFigures } from '../../../../shared/contract/loyalty';
import { useFormat } from '../../app/format';
import { useAppLanguage } from '../../app/language';
import { useChartFormat } from './chart-format';
import './profile-value.css';
import { useDaysAgo } from './days-ago';

/**
 * A customer's predicted value with what it is worked out from, and which estimate it is: the
 * fitted models, or the simple estimate when the shop has too little history for them.
 */
export const ProfileValue = ({ value }: { value: CustomerValueFigures }) => {
  const { t } = useTranslation(['loyalty']);
  const daysAgo = useDaysAgo();
  const format = useFormat();
  const chart = useChartFormat();
  const language = useAppLanguage();
  const finePercent = useMemo(() => new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }), [language]);
  // 0.996 is not "100%", nor 0.004 "0%": near the ends the chance keeps a decimal (and never rounds to either end).
  const chance = (share: number) =>
    share > 0.99 && share < 1 ? finePercent.format(Math.min(share, 0.999)) : share < 0.01 && share > 0 ? finePercent.format(Math.max(share, 0.001)) : chart.percent(share);
  const { fit, inputs } = value;
  const oneDecimal = (figure: number) => chart.count(Math.round(figure * 10) / 10);
  if (inputs === null) return <p>{t('profile.value.noVisit')}</p>;
  const aliveText =
    value.probabilityAlive !== null
      ? chance(value.probabilityAlive)
      : fit?.basis === 'simple'
        ? t('profile.value.aliveSimple')
        : t('profile.value.aliveOneDay');
  return (
    <div className="profile-value">
      {fit === null ? (
        <p className="muted">{t('profile.value.pending')}</p>
      ) : (
        <dl className="stats value-figures">
          <dt>{t('profile.value.alive')}</dt>
          <dd>{aliveText}</dd>
          <dt>{t('profile.value.visitsNextYear')}</dt>
          <dd>{value.expectedVisitsNextYear === null ? '—' : oneDecimal(value.expectedVisitsNextYear)}</dd>
          <dt>{t('profile.value.spendPerVisit')}</dt>
          <dd>{value.expectedSpendPerVisitMinor === null ? '—' : format.money(value.expectedSpendPerVisitMinor)}</dd>
          <dt>{t('profile.value.lifetimeValue', { years: chart.count(fit.horizonYears) })}</dt>
          <dd>
            <strong>{value.lifetimeValueMinor === null ? '—' : format.money(value.lifetimeValueMinor)}</strong>
          </dd>
        </dl>
      )}
      <h4>{t('profile.value.inputs')}</h4>
      <dl className="stats value-inputs">
        <dt>{t('profile.value.visitDays')}</dt>
        <dd>{chart.count(inputs.visitDays)}</dd>
        <dt>{t('profile.value.firstVisit')}</dt>
        <dd>{daysAgo(inputs.daysSinceFirstVisit)}</dd>
        <dt>{t('profile.value.lastVisit')}</dt>
        <dd>{daysAgo(inputs.daysSinceLastVisit)}</dd>
        <dt>{t('profile.value.averageSpend')}</dt>
        <dd>{format.money(inputs.averageSpendMinor)}</dd>
      </dl>
      {fit !== null && (
        <div className="muted value-basis">
          <p>
            {fit.basis === 'model'
              ? t('profile.value.model', { date: format.date(fit.fittedAt), customers: chart.count(fit.customers), repeat: chart.count(fit.repeatCustomers) })
              : fit.simpleBecause === 'fit_failed'
                ? t('profile.value.simpleFailed')
                : t('profile.value.simpleFew', { repeat: chart.count(fit.repeatCustomers), minimum: chart.count(fit.minimumRepeatCustomers) })}
          </p>
          {fit.basis === 'model' && inputs.visitDays === 1 && <p>{t('profile.value.oneDay')}</p>}
          <p>{fit.annualDiscountRate === 0 ? t('profile.value.notDiscounted') : t('profile.value.discounted', { rate: chart.percent(fit.annualDiscountRate) })}</p>
        </div>
      )}
    </div>
  );
};
