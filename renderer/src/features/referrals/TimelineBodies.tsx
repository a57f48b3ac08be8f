import { useTranslation } from 'react-i18next';
import type { ReferralPerson, ReferralReward } from '../../../../shared/contract/referrals';
import { useRewardText } from './format';

/** "Brought Ben" on Amy's timeline, "Referred by Amy" on Ben's. */
export const ReferralTimelineBody = ({ role, other }: { role: 'brought' | 'referred_by'; other: ReferralPerson }) => {
  const { t } = useTranslation('referrals');
  return (
    <div className="timeline-heading">
      <span className="timeline-kind kind-referral">{role === 'brought' ? t('timeline.brought', { name: other.name }) : t('timeline.referredBy', { name: other.name })}</span>
    </div>
  );
};

/** A referral reward earned, or handed over, on the referrer's timeline. */
export const ReferralRewardTimelineBody = ({ event, reward }: { event: 'earned' | 'given'; reward: ReferralReward }) => {
  const { t } = useTranslation('referrals');
  const rewardText = useRewardText();
  return (
    <>
      <div className="timeline-heading">
        <span className="timeline-kind kind-referral">
          {event === 'earned' ? t('timeline.earned', { name: reward.referred.name }) : t('timeline.given', { name: reward.referred.name })}
        </span>
        <strong>{rewardText(reward)}</strong>
      </div>
      {event === 'given' && reward.givenByStaffName && <div className="timeline-meta">{reward.givenByStaffName}</div>}
    </>
  );
};
