import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReferralTree } from '../../../../shared/contract/referrals';
import { useApi } from '../../api/hooks';
import { RewardItem } from './RewardItem';

const TreeList = ({ tree }: { tree: ReferralTree }) => {
  const { t } = useTranslation('referrals');
  return (
    <ul className="referral-tree" aria-label={t('tree.title')}>
      {tree.nodes.map((node) => (
        <li key={node.id} className={`referral-node depth-${Math.min(node.depth, 6)}`} aria-level={node.depth}>
          <span className="visually-hidden">{t('tree.levelLabel', { depth: node.depth })}</span>
          <Link to={`/customers/${node.id}`} className={node.archived ? 'muted' : undefined}>
            {node.name}
          </Link>
          {node.archived && <span className="badge badge-muted">{t('tree.archived')}</span>}
          {node.brought > 0 && <span className="badge badge-muted">{t('tree.brought', { count: node.brought })}</span>}
        </li>
      ))}
    </ul>
  );
};

/** The profile's referrals: who brought this customer, whom they brought (and whom those brought), and their rewards. */
export const ReferralSection = ({ customerId }: { customerId: string }) => {
  const { t } = useTranslation('referrals');
  const tree = useApi('referrals-tree', { id: customerId });
  if (!tree.data) return null;
  const data = tree.data;
  // Rewards still to hand over are listed here; the ones given or void are on the timeline and the Referrals page.
  const toHandOver = data.rewards.filter((reward) => reward.status === 'earned');
  const count = (status: 'earned' | 'given' | 'void') => data.rewards.filter((reward) => reward.status === status).length;
  return (
    <section className="referrals-section" aria-labelledby="referrals-section-title">
      <h2 id="referrals-section-title">{t('tree.title')}</h2>
      <p className="referred-by">
        {data.referredBy ? (
          <Trans
            t={t}
            i18nKey="tree.referredBy"
            values={{ name: data.referredBy.referrer.name }}
            components={{ referrer: <Link to={`/customers/${data.referredBy.referrer.id}`} /> }}
          />
        ) : (
          <span className="muted">{t('tree.notReferred')}</span>
        )}
      </p>
      {data.total === 0 ? (
        <p className="muted">{t('tree.none')}</p>
      ) : (
        <>
          <p className="referral-counts">{t('tree.counts', { direct: data.direct, total: data.total, count: data.depth })}</p>
          <TreeList tree={data} />
          {data.nodes.length < data.total && <p className="field-hint">{t('tree.more', { shown: data.nodes.length, total: data.total })}</p>}
        </>
      )}
      {data.pending > 0 && <p className="field-hint">{t('tree.pending', { count: data.pending })}</p>}
      {data.rewards.length > 0 && (
        <>
          <h3>{t('tree.rewards')}</h3>
          <p className="field-hint">{t('tree.rewardCounts', { given: count('given'), toGive: count('earned'), void: count('void') })}</p>
          {toHandOver.length > 0 && (
            <ul className="reward-list">
              {toHandOver.map((reward) => (
                <RewardItem key={reward.id} reward={reward} showReferrer={false} />
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
};
