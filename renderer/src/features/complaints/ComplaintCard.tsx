import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Complaint } from '../../../../shared/contract/complaints';
import { PromiseBadge } from './PromiseBadge';

/** The promise a complaint waits on: the reply until it is answered, then the resolution. */
export const currentPromise = (complaint: Complaint) => (complaint.reply.outcome === null ? complaint.reply : complaint.resolve);

/** One complaint on the board: who, what about, how bad, and the promise it is waiting on. */
export const ComplaintCard = ({ complaint, now }: { complaint: Complaint; now: Date }) => {
  const { t } = useTranslation('complaints');
  return (
    <li className={`complaint-card severity-${complaint.severity}`}>
      <Link to={`/complaints/${complaint.id}`} className="complaint-card-link">
        <span className="complaint-card-head">
          <strong>{complaint.customerName ?? t('board.anonymous')}</strong>
          <span className={`badge severity-badge severity-${complaint.severity}`}>{t(`severities.${complaint.severity}`)}</span>
        </span>
        <span className="complaint-card-category">{t(`categories.${complaint.category}`)}</span>
        <span className="complaint-card-text">{complaint.description}</span>
      </Link>
      <PromiseBadge promise={currentPromise(complaint)} now={now} />
      <span className="complaint-card-meta">
        {complaint.ownerStaffName && <span>{complaint.ownerStaffName}</span>}
        {complaint.escalation?.status === 'requested' && <span className="badge badge-muted">{t('board.escalated')}</span>}
      </span>
    </li>
  );
};
