import { useTranslation } from 'react-i18next';

/** How long ago a visit was, as the profile's figures say it: "today" for this day, as the list and the relationship do, not "0 days ago". */
export const useDaysAgo = () => {
  const { t } = useTranslation('loyalty');
  return (days: number): string => (days === 0 ? t('profile.recencyToday') : t('profile.recencyDays', { count: days }));
};
