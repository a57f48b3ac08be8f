import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { auditChanges, formatAuditValue } from '../../../../shared/audit-changes';
import type { AuditLogEntry } from '../../../../shared/contract/audit';
import { useFormat } from '../../app/format';
import type { useAuditLabels } from './useAuditLabels';

/** Internal ids say nothing to a reader; the names beside them do (the CSV keeps them all). */
const shownField = (field: string): boolean => field === 'ownerStaffId' || !(field === 'id' || field.endsWith('Id'));

const isBlank = (value: unknown): boolean => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** One entry: when, who, what, and each changed field as "before → after" (a record added or removed: only what it held). */
export const AuditEntryView = ({ entry, labels }: { entry: AuditLogEntry; labels: ReturnType<typeof useAuditLabels> }) => {
  const { t } = useTranslation(['audit', 'common']);
  const format = useFormat();
  const changes = auditChanges(entry.before, entry.after).filter(
    (change) => shownField(change.field) && !(change.before === undefined && isBlank(change.after)) && !(change.after === undefined && isBlank(change.before)),
  );
  const value = (field: string, recorded: unknown) => formatAuditValue(field, recorded, labels.valueFormat, entry.entity);
  const device = entry.deviceId === null ? null : (entry.deviceName ?? t('deviceId', { id: entry.deviceId.slice(-6) }));
  const who =
    device !== null
      ? entry.staffName
        ? t('byOnDevice', { staff: entry.staffName, device })
        : t('onDevice', { device })
      : entry.staffName
        ? t('who', { role: labels.role(entry.actorRole), staff: entry.staffName })
        : labels.role(entry.actorRole);
  return (
    <li className={`audit-entry audit-${entry.entity}`}>
      <div className="audit-head">
        <time className="audit-time" dateTime={entry.at}>
          {format.dateTime(entry.at)}
        </time>
        <span className="audit-action">{labels.action(entry.action)}</span>
        <span className="badge">{labels.entity(entry.entity)}</span>
        {entry.entityLabel &&
          (entry.entity === 'customer' && entry.entityId ? (
            <Link to={`/customers/${entry.entityId}`}>{entry.entityLabel}</Link>
          ) : (
            <span className="audit-record">{entry.entityLabel}</span>
          ))}
        <span className="audit-who">{who}</span>
      </div>
      {changes.length > 0 && (
        <ul className="audit-changes">
          {changes.map((change) => (
            <li key={change.field}>
              <span className="audit-field">{t('labelled', { label: labels.field(change.field) })}</span>
              {change.before !== undefined && change.after !== undefined ? (
                <>
                  <del>{value(change.field, change.before)}</del> <span aria-hidden="true">→</span> <ins>{value(change.field, change.after)}</ins>
                </>
              ) : (
                <span>{value(change.field, change.after === undefined ? change.before : change.after)}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {entry.note && <p className="audit-note">{t('note', { note: entry.note })}</p>}
    </li>
  );
};
