import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CustomerLoyalty } from '../../../../shared/contract/loyalty';
import { loyaltySignalKind } from '../../../../shared/loyalty/signals';
import { useApi } from '../../api/hooks';
import { useAppLanguage } from '../../app/language';
import { useFormat } from '../../app/format';
import { useChartFormat } from './chart-format';
import { ProfileValue } from './ProfileValue';
import { segmentPath } from './segments-link';
import { useDaysAgo } from './days-ago';

/** The owner's view of a customer's tier in words, their quadrant, predicted value and RFM, with every input shown. */
export const ProfileLoyalty = ({ customerId }: { customerId: string }) => {
  const loyalty = useApi('loyalty-customer', { id: customerId });
  if (!loyalty.data) return null;
  return <LoyaltyFacts loyalty={loyalty.data} />;
};

const LoyaltyFacts = ({ loyalty }: { loyalty: CustomerLoyalty }) => {
  const { t } = useTranslation(['loyalty']);
  const daysAgo = useDaysAgo();
  const language = useAppLanguage();
  const format = useFormat();
  const chart = useChartFormat();
  const tierName = (tier: CustomerLoyalty['tier']) => t(`tiers.${tier}`);
  const { cutoffs, rules } = loyalty;
  const moneyLine =
    loyalty.revenue12mMinor === 0
      ? t('profile.moneyNone')
      : loyalty.rank !== null && cutoffs
        ? t('profile.moneyRank', {
            count: loyalty.visits12m,
            tier: tierName(loyalty.moneyTier),
            rank: chart.count(loyalty.rank),
            spenders: chart.count(cutoffs.spenders),
            revenue: format.money(loyalty.revenue12mMinor),
          })
        : t('profile.moneyNotRanked', { tier: tierName(loyalty.moneyTier), revenue: format.money(loyalty.revenue12mMinor) });
  const pointsLine =
    loyalty.points === 0
      ? t('profile.noPoints')
      : loyalty.lift > 0
        ? t(loyalty.lift === 1 ? 'profile.lifted' : 'profile.lifted_other', { count: loyalty.lift, points: loyalty.points, per: rules.pointsPerLift, max: rules.maxLift })
        : loyalty.moneyTier === 'key'
          ? t('profile.pointsAtTop', { count: loyalty.points, points: loyalty.points })
          : t('profile.points', { count: loyalty.points, points: loyalty.points, per: rules.pointsPerLift });
  return (
    <section className="loyalty-facts" aria-labelledby="loyalty-facts-title">
      <h2 id="loyalty-facts-title">{t('profile.heading')}</h2>
      <p className={`tier-badge tier-${loyalty.tier}`}>{t('profile.tierLine', { tier: tierName(loyalty.tier) })}</p>
      <p>{moneyLine}</p>
      {cutoffs && (
        <p className="muted">{t('profile.cutoffs', { key: format.money(cutoffs.key), major: format.money(cutoffs.major), regular: format.money(cutoffs.regular) })}</p>
      )}
      <p>{pointsLine}</p>
      {loyalty.signals.length > 0 && (
        <ul className="signal-list">
          {loyalty.signals.map((signal) => (
            <li key={signal.signal}>{loyaltySignalKind(signal.signal)?.explain(language, signal) ?? `${signal.signal} +${signal.points}`}</li>
          ))}
        </ul>
      )}
      <Link to={segmentPath({ tier: loyalty.tier })}>{t('profile.segmentLink', { tier: tierName(loyalty.tier) })}</Link>
      <h3>{t('profile.quadrant')}</h3>
      <p>
        {loyalty.quadrant === null || loyalty.satisfaction === null
          ? t('profile.notAsked')
          : t('profile.quadrantLine', { quadrant: t(`quadrants.${loyalty.quadrant}`), satisfaction: loyalty.satisfaction.toFixed(1), loyalty: chart.percent(loyalty.loyalty) })}
      </p>
      {loyalty.quadrant && <p className="muted">{t(`quadrantHints.${loyalty.quadrant}`)}</p>}
      <h3>{t('profile.lifetime')}</h3>
      <ProfileValue value={loyalty.value} />
      <h3>{t('profile.rfm')}</h3>
      <dl className="stats">
        <dt>{t('profile.recency')}</dt>
        <dd>{loyalty.rfm.recencyDays === null ? t('profile.never') : daysAgo(loyalty.rfm.recencyDays)}</dd>
        <dt>{t('profile.frequency')}</dt>
        <dd>{loyalty.rfm.frequency12m}</dd>
        <dt>{t('profile.monetary')}</dt>
        <dd>{format.money(loyalty.rfm.monetary12mMinor)}</dd>
      </dl>
    </section>
  );
};
