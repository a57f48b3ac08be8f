import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Complaint } from '../../../../shared/contract/complaints';
import { currentPromise } from './ComplaintCard';
import { PromiseBadge, useNow } from './PromiseBadge';

/** A complaint on the customer's timeline: what about, where it stands, and its promise. */
export const ComplaintTimelineBody = ({ complaint }: { complaint: Complaint }) => {
  const { t } = useTranslation(['complaints', 'common']);
  const now = useNow();
  return (
    <>
      <div className="timeline-heading">
        <span className="timeline-kind kind-complaint">{t('timeline.complaint')}</span>
        <span>{t(`categories.${complaint.category}`)}</span>
        <span className={`badge state-badge state-${complaint.state}`}>{t(`states.${complaint.state}`)}</span>
        {complaint.satisfaction !== null && (
          <span className={`badge satisfaction-badge level-${complaint.satisfaction}`}>{t(`common:satisfaction.${complaint.satisfaction}`)}</span>
        )}
      </div>
      <div className="timeline-note">
        <Link to={`/complaints/${complaint.id}`}>{complaint.description}</Link>
      </div>
      {complaint.resolution && <div className="timeline-items">{complaint.resolution}</div>}
      <div className="timeline-meta">
        <PromiseBadge promise={currentPromise(complaint)} now={now} />
      </div>
    </>
  );
};
