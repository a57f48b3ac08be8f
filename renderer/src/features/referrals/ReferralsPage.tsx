import { useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { leaderboardPeriods, rewardFilters, type LeaderboardPeriod, type ReferralsOverview } from '../../../../shared/contract/referrals';
import { useApi } from '../../api/hooks';
import { useFormat } from '../../app/format';
import { usePercent } from './format';
import { RewardItem } from './RewardItem';
import { ShareChart } from './ShareChart';
import './referrals.css';

type RewardFilter = (typeof rewardFilters)[number];

const Segmented = <T extends string>({ label, name, options, value, onChange, text }: { label: string; name: string; options: readonly T[]; value: T; onChange: (next: T) => void; text: (option: T) => string }) => (
  <div className="segmented" role="radiogroup" aria-label={label}>
    {options.map((option) => (
      <label key={option} className={value === option ? 'segment active' : 'segment'}>
        <input type="radio" name={name} value={option} checked={value === option} onChange={() => onChange(option)} />
        {text(option)}
      </label>
    ))}
  </div>
);

const Leaderboard = ({ overview }: { overview: ReferralsOverview }) => {
  const { t } = useTranslation('referrals');
  if (overview.leaderboard.length === 0) return <p className="muted">{t('page.noReferrals')}</p>;
  return (
    <table className="data-table figures-table leaderboard">
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">{t('page.referrer')}</th>
          <th scope="col">{t('page.referrals')}</th>
          <th scope="col">{t('page.purchased')}</th>
          <th scope="col">{t('page.repeat')}</th>
        </tr>
      </thead>
      <tbody>
        {overview.leaderboard.map((row, index) => (
          <tr key={row.referrer.id}>
            <td>{index + 1}</td>
            <th scope="row">
              <Link to={`/customers/${row.referrer.id}`}>{row.referrer.name}</Link>
            </th>
            <td>{row.referrals}</td>
            <td>{row.purchased}</td>
            <td>{row.repeat}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};

const RewardsLedger = () => {
  const { t } = useTranslation('referrals');
  const [filter, setFilter] = useState<RewardFilter>('earned');
  const [limit, setLimit] = useState(20);
  const rewards = useApi('referrals-rewards', { status: filter, limit }, { keepPrevious: true });
  return (
    <section className="card" aria-labelledby="ledger-title">
      <h2 id="ledger-title">{t('page.ledger')}</h2>
      <Segmented label={t('page.filter')} name="reward-filter" options={rewardFilters} value={filter} onChange={setFilter} text={(option) => t(`page.filters.${option}`)} />
      {rewards.data && rewards.data.rows.length === 0 && <p className="muted">{t('page.noRewards')}</p>}
      <ul className="reward-list">
        {rewards.data?.rows.map((reward) => (
          <RewardItem key={reward.id} reward={reward} showReferrer />
        ))}
      </ul>
      {rewards.data && rewards.data.total > rewards.data.rows.length && (
        <button type="button" className="button" onClick={() => setLimit(limit + 50)}>
          {t('page.showMore')}
        </button>
      )}
    </section>
  );
};

/** Referrals at a glance: top referrers for a period, the monthly share of new customers by referral, conversion, recent referrals and the rewards ledger. */
export const ReferralsPage = () => {
  const { t } = useTranslation(['referrals', 'common']);
  const format = useFormat();
  const percent = usePercent();
  const [period, setPeriod] = useState<LeaderboardPeriod>('90d');
  const overview = useApi('referrals-overview', { period }, { keepPrevious: true });
  useEffect(() => {
    document.title = `${t('title')} · ${t('common:appName')}`;
  }, [t]);
  const data = overview.data;
  const share = (part: number, whole: number) => percent(whole === 0 ? null : part / whole);
  return (
    <section className="page referrals-page" aria-labelledby="referrals-title">
      <header className="page-header">
        <h1 id="referrals-title">{t('title')}</h1>
        {data && data.rewardsToHandOver > 0 && <span className="badge">{t('page.toHandOver', { count: data.rewardsToHandOver })}</span>}
      </header>
      <p className="page-intro">{t('subtitle')}</p>
      {data && (
        <div className="referrals-grid">
          <section className="card" aria-labelledby="leaderboard-title">
            <h2 id="leaderboard-title">{t('page.leaderboard')}</h2>
            <label className="inline-field">
              {t('page.period')}
              <select value={period} onChange={(event) => setPeriod(event.target.value as LeaderboardPeriod)}>
                {leaderboardPeriods.map((option) => (
                  <option key={option} value={option}>
                    {t(`page.periods.${option}`)}
                  </option>
                ))}
              </select>
            </label>
            <Leaderboard overview={data} />
            <h3>{t('page.conversion')}</h3>
            <p>
              {t('page.conversionLine', {
                referred: data.conversion.referred,
                purchased: data.conversion.purchased,
                purchasedShare: share(data.conversion.purchased, data.conversion.referred),
                repeat: data.conversion.repeat,
                repeatShare: share(data.conversion.repeat, data.conversion.referred),
              })}
            </p>
          </section>
          <section className="card" aria-labelledby="share-title">
            <h2 id="share-title">{t('page.share')}</h2>
            <ShareChart months={data.months} benchmark={data.benchmark} />
          </section>
          <RewardsLedger />
          <section className="card" aria-labelledby="recent-title">
            <h2 id="recent-title">{t('page.recent')}</h2>
            {data.recent.length === 0 && <p className="muted">{t('page.noReferrals')}</p>}
            <ul className="recent-referrals">
              {data.recent.map((link) => (
                <li key={link.customer.id}>
                  <time dateTime={link.referredAt}>{format.date(link.referredAt)}</time>{' '}
                  <span>
                    <Trans
                      t={t}
                      i18nKey="page.recentLine"
                      values={{ referrer: link.referrer.name, customer: link.customer.name }}
                      components={{ referrer: <Link to={`/customers/${link.referrer.id}`} />, customer: <Link to={`/customers/${link.customer.id}`} /> }}
                    />
                  </span>
                </li>
              ))}
            </ul>
          </section>
        </div>
      )}
    </section>
  );
};
