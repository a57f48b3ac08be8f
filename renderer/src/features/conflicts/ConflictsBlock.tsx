import { useTranslation } from 'react-i18next';
import type { ConflictValue, FieldConflict } from '../../../../shared/contract/conflicts';
import type { InputOf } from '../../../../shared/contract';
import { parseStoredJson } from '../../../../shared/json';
import { useApi, useApiMutation } from '../../api/hooks';
import { useFormat } from '../../app/format';
import { useDescribeError } from '../../components/ErrorNotice';
import { useToast } from '../../components/Toast';

type ConflictRecord = InputOf<'sync-conflicts-of'>['record'];
type ValueWords = 'source' | 'needType' | 'gender' | 'channel' | 'category' | 'severity' | 'state';
const coded = new Set<string>(['source', 'needType', 'gender', 'channel', 'category', 'severity', 'state']);

/** The words a value is shown in: a list's entries, a staff member's name, a coded value's word, a flag, a date. */
const useValueText = () => {
  const { t } = useTranslation('conflicts');
  const format = useFormat();
  return (conflict: FieldConflict, value: ConflictValue): string => {
    if (value.items !== null) {
      const items = value.items.map((item) => (item.kind === 'interest' ? t('interest', { value: item.text }) : item.text));
      return items.length === 0 ? t('empty') : items.join(', ');
    }
    const raw = value.value;
    if (conflict.field === 'archived') return typeof raw === 'string' ? t('archivedOn', { date: format.date(raw) }) : t('notArchived');
    if (conflict.field === 'ownerStaffId') return value.namedStaff ?? (raw === null ? t('empty') : String(raw));
    if (raw === null || raw === '') return t('empty');
    if (conflict.table === 'staff' && conflict.field === 'active') return raw === 1 || raw === true ? t('active') : t('inactive');
    if (conflict.field === 'consentToContact') return raw === 1 || raw === true ? t('yes') : t('no');
    if (coded.has(conflict.field) && typeof raw === 'string') return t(`values.${conflict.field as ValueWords}.${raw}` as 'values.gender.female', { defaultValue: raw });
    // A setting is stored as JSON: its text, number or list as written.
    if (conflict.table === 'settings' && typeof raw === 'string') {
      const parsed = parseStoredJson(raw);
      return typeof parsed === 'string' ? parsed : JSON.stringify(parsed ?? raw);
    }
    return String(raw);
  };
};

const fieldKeys = new Set([
  'name', 'email', 'birthdayMonth', 'birthdayDay', 'birthdayYear', 'address', 'gender', 'notes', 'source', 'needType', 'ownerStaffId',
  'consentToContact', 'archived', 'phones', 'tags', 'channel', 'category', 'severity', 'description', 'state', 'resolution', 'active',
  'shopName', 'currency', 'country', 'timeZone',
]);

export const useFieldLabel = () => {
  const { t } = useTranslation('conflicts');
  return (conflict: FieldConflict): string =>
    fieldKeys.has(conflict.field) ? t(`fields.${conflict.field}` as 'fields.name') : t('fields.other', { field: conflict.field });
};

/** One field's values entered while apart: each with where, by whom and when, the shown one marked, and a pick. */
export const FieldConflictCard = ({ conflict, title, mayPick = true }: { conflict: FieldConflict; title?: string; mayPick?: boolean }) => {
  const { t } = useTranslation('conflicts');
  const format = useFormat();
  const toast = useToast();
  const describe = useDescribeError();
  const valueText = useValueText();
  const fieldLabel = useFieldLabel();
  const pick = useApiMutation('sync-conflict-pick');
  const field = fieldLabel(conflict);
  const headingId = `conflict-${conflict.table}-${conflict.rowKey}-${conflict.column}`;

  const keep = async (value: ConflictValue) => {
    const result = await pick.mutateAsync({ table: conflict.table, rowKey: conflict.rowKey, column: conflict.column, deviceId: value.deviceId, at: value.at });
    toast(result.ok ? { tone: 'success', text: t('picked', { field, value: valueText(conflict, value) }) } : { tone: 'error', text: describe(result.error) });
  };

  return (
    <section className="conflict-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {title !== undefined && <span className="conflict-record">{title} · </span>}
        {t('heading', { count: conflict.values.length, field })}
      </h3>
      <ul className="conflict-values">
        {conflict.values.map((value) => {
          const named = value.deviceName ?? (value.thisDevice ? null : t('otherDevice', { id: value.deviceId.slice(-6) }));
          const device = value.thisDevice ? (named === null ? t('thisDevice') : t('thisDeviceNamed', { name: named })) : (named ?? '');
          const time = format.dateTime(value.at);
          const text = valueText(conflict, value);
          return (
            <li key={`${value.deviceId}-${value.at}`} className={value.shown ? 'conflict-value conflict-value-shown' : 'conflict-value'}>
              <div className="conflict-value-text">
                <span className="conflict-value-main">{text}</span>
                {value.shown && <span className="conflict-shown">{t('shown')}</span>}
              </div>
              <div className="conflict-value-who muted">
                {value.staffName !== null ? t('enteredBy', { device, staff: value.staffName, time }) : t('enteredByNoOne', { device, time })}
              </div>
              {conflict.pickable && mayPick && (
                <button type="button" className="button" disabled={pick.isPending} aria-label={t('pickNamed', { value: text, field })} onClick={() => void keep(value)}>
                  {t('pick')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {!conflict.pickable && <p className="muted">{t('onlyShown')}</p>}
    </section>
  );
};

/** The fields of a customer or a complaint that have values entered while apart; nothing when there are none (a book never shared). */
export const ConflictsBlock = ({ record }: { record: ConflictRecord }) => {
  const { t } = useTranslation('conflicts');
  const conflicts = useApi('sync-conflicts-of', { record });
  if (!conflicts.data || conflicts.data.length === 0) return null;
  return (
    <div className="conflicts" role="region" aria-label={t('listTitle')}>
      <p className="muted">{t('intro')}</p>
      {conflicts.data.map((conflict) => (
        <FieldConflictCard key={`${conflict.table}-${conflict.column}`} conflict={conflict} />
      ))}
    </div>
  );
};

/**
 * Staff members and the shop's settings with values entered while apart, in one list where they are
 * edited (Settings): only the owner picks, as only the owner edits them.
 */
export const ShopConflicts = ({ mayPick }: { mayPick: boolean }) => {
  const { t } = useTranslation('conflicts');
  const conflicts = useApi('sync-conflicts-of', { record: { kind: 'shop' } });
  const staff = useApi('staff-list', { includeInactive: true });
  if (!conflicts.data || conflicts.data.length === 0) return null;
  const titleOf = (conflict: FieldConflict) =>
    conflict.table === 'staff'
      ? t('staffRecord', { name: staff.data?.find((member) => member.id === conflict.rowKey)?.name ?? conflict.rowKey })
      : t('settingsRecord');
  return (
    <section className="card conflicts" aria-labelledby="shop-conflicts-title">
      <h2 id="shop-conflicts-title">{t('listTitle')}</h2>
      <p className="muted">{t('listIntro')}</p>
      {conflicts.data.map((conflict) => (
        <FieldConflictCard key={`${conflict.table}-${conflict.rowKey}-${conflict.column}`} conflict={conflict} title={titleOf(conflict)} mayPick={mayPick} />
      ))}
    </section>
  );
};
