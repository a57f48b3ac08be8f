import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/hooks';

/**
 * On a book shared with other devices, deleting for good reaches them at their next sync, but the
 * change history the devices exchange (Automerge's, on each device and in the shared folder) keeps
 * what was entered: the owner is told before confirming, since such a deletion is often a privacy request.
 */
export const SharedHistoryNotice = ({ what }: { what: 'customer' | 'visit' }) => {
  const { t } = useTranslation('archive');
  const sharing = useApi('sync-status', {});
  if (sharing.data?.shared !== true) return null;
  return <p className="notice">{t(what === 'customer' ? 'purgeShared' : 'visitPurgeShared')}</p>;
};
