import { useTranslation } from 'react-i18next';
import type { ReferralReward } from '../../../../shared/contract/referrals';
import { useFormat } from '../../app/format';

/** "NT$180 discount", "50 points", "A free latte", "A thank-you": what the reward is, in the app's language. */
export const useRewardText = () => {
  const { t } = useTranslation('referrals');
  const format = useFormat();
  return (reward: Pick<ReferralReward, 'kind' | 'value' | 'gift'>): string => {
    switch (reward.kind) {
      case 'discount':
        return `${t('reward.kinds.discount')} ${format.money(reward.value)}`;
      case 'points':
        return t('reward.points', { count: reward.value });
      case 'gift':
        return reward.gift || t('reward.kinds.gift');
      case 'thanks':
        return t('reward.thanks');
    }
  };
};

/** A share as a whole percentage in the app's language; an empty month shows a dash. */
export const usePercent = () => {
  const { i18n } = useTranslation();
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  return (share: number | null): string => (share === null ? '–' : percent.format(share));
};
