import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CounterCard as Card } from '../../../../shared/contract/counter';
import type { ReferralReward } from '../../../../shared/contract/referrals';
import { useApi, useApiMutation } from '../../api/hooks';
import { useFormat } from '../../app/format';
import { useDescribeError } from '../../components/ErrorNotice';
import { useToast } from '../../components/Toast';
import { useUndoToast } from '../../components/useUndoToast';
import { QuickNote } from '../customers/QuickNote';
import { useRewardText } from '../referrals/format';
import './counter.css';

const RewardToHandOver = ({ reward }: { reward: ReferralReward }) => {
  const { t } = useTranslation('counter');
  const rewardText = useRewardText();
  const toast = useToast();
  const describe = useDescribeError();
  const undoable = useUndoToast();
  const give = useApiMutation('referrals-reward-give');
  const handOver = async () => {
    const result = await give.mutateAsync({ id: reward.id });
    if (result.ok) undoable(t('card.handedOver', { name: reward.referrer.name }), { name: 'referrals-reward-ungive', input: { id: reward.id } });
    else toast({ tone: 'error', text: describe(result.error) });
  };
  return (
    <li className="counter-card-alert counter-card-reward">
      <span>{t('card.rewardWaiting', { reward: rewardText(reward), name: reward.referred.name })}</span>
      <button type="button" className="button button-primary" disabled={give.isPending} onClick={() => void handOver()}>
        {t('card.handOver')}
      </button>
    </li>
  );
};

const Visits = ({ card }: { card: Card }) => {
  const { t } = useTranslation('counter');
  const format = useFormat();
  // A customer who never came has no last visit: say so, never "today".
  if (card.lastVisitAt === null) return <span>{t('card.neverVisited')}</span>;
  return (
    <>
      <span>{t('card.lastVisit', { when: format.relativeDay(card.lastVisitAt) })}</span>
      {card.rhythmDays !== null && <span>{t('card.rhythm', { count: card.rhythmDays })}</span>}
      {card.state === 'lapsed' && <span className="badge badge-muted">{t('card.lapsed')}</span>}
      {card.state === 'lost' && <span className="badge badge-muted">{t('card.lost')}</span>}
    </>
  );
};

/** What staff should know before serving the chosen customer; nothing about money. */
export const CounterCard = ({ customerId }: { customerId: string }) => {
  const { t } = useTranslation(['counter', 'complaints']);
  const format = useFormat();
  const card = useApi('customers-counter-card', { customerId }).data;
  if (!card) return null;
  const birthday = card.birthdaySoon;
  return (
    <section className="counter-card" aria-label={t('card.label', { name: card.name })}>
      <div className="counter-card-visits">
        <Visits card={card} />
      </div>
      {card.tags.length + card.interests.length > 0 && (
        <ul className="counter-card-tags">
          {[...card.tags, ...card.interests].map((tag) => (
            <li key={tag} className="badge">
              {tag}
            </li>
          ))}
        </ul>
      )}
      {card.notes && (
        <p className="counter-card-note" aria-label={t('card.note')}>
          {card.notes}
        </p>
      )}
      <ul className="counter-card-alerts">
        {birthday && (
          <li className="counter-card-alert counter-card-birthday">
            {birthday.daysUntil === 0
              ? t('card.birthdayToday')
              : t('card.birthdaySoon', { count: birthday.daysUntil, date: format.birthday({ month: birthday.month, day: birthday.day, year: null }) })}
          </li>
        )}
        {card.rewardsWaiting.map((reward) => (
          <RewardToHandOver key={reward.id} reward={reward} />
        ))}
        {card.openComplaints.map((complaint) => (
          <li key={complaint.id} className="counter-card-alert counter-card-complaint">
            <Link to={`/complaints/${complaint.id}`}>
              {t('card.complaintOpen', { category: t(`complaints:categories.${complaint.category}`), state: t(`complaints:states.${complaint.state}`) })}
            </Link>
          </li>
        ))}
      </ul>
      <QuickNote customerId={card.customerId} name={card.name} />
    </section>
  );
};
