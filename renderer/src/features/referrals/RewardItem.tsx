import { useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReferralReward } from '../../../../shared/contract/referrals';
import { useApiMutation } from '../../api/hooks';
import { useFormat } from '../../app/format';
import { useIsOwner } from '../../app/session';
import { Dialog } from '../../components/Dialog';
import { useDescribeError } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { useToast } from '../../components/Toast';
import { useUndoToast } from '../../components/useUndoToast';
import { useRewardText } from './format';
import './referrals.css';

const VoidDialog = ({ reward, onClose }: { reward: ReferralReward; onClose: () => void }) => {
  const { t } = useTranslation(['referrals', 'common']);
  const toast = useToast();
  const describe = useDescribeError();
  const voidReward = useApiMutation('referrals-reward-void');
  const [reason, setReason] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await voidReward.mutateAsync({ id: reward.id, reason });
    toast(result.ok ? { tone: 'success', text: t('reward.voided') } : { tone: 'error', text: describe(result.error) });
    if (result.ok) onClose();
  };
  return (
    <Dialog title={t('reward.voidConfirm')} onClose={onClose}>
      <form className="dialog-form" onSubmit={(event) => void submit(event)}>
        <Field label={t('reward.voidReason')}>
          <input autoFocus required maxLength={500} value={reason} onChange={(event) => setReason(event.target.value)} />
        </Field>
        <div className="form-actions">
          <button type="submit" className="button button-danger" disabled={voidReward.isPending || reason.trim() === ''}>
            {t('reward.voidConfirm')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('common:actions.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
};

/**
 * One reward of the ledger: what it is, for whom and why, where it stands, and — while it is to be
 * handed over — "Mark given" (anyone at the counter) and "Void…" (the owner, with a reason).
 */
export const RewardItem = ({ reward, showReferrer }: { reward: ReferralReward; showReferrer: boolean }) => {
  const { t } = useTranslation('referrals');
  const format = useFormat();
  const rewardText = useRewardText();
  const toast = useToast();
  const describe = useDescribeError();
  const owner = useIsOwner();
  const give = useApiMutation('referrals-reward-give');
  const undoable = useUndoToast();
  const [voiding, setVoiding] = useState(false);
  const markGiven = async () => {
    const result = await give.mutateAsync({ id: reward.id });
    if (result.ok) undoable(t('reward.given', { name: reward.referred.name }), { name: 'referrals-reward-ungive', input: { id: reward.id } });
    else toast({ tone: 'error', text: describe(result.error) });
  };
  const when =
    reward.status === 'given' && reward.givenAt
      ? reward.givenByStaffName
        ? t('reward.givenBy', { date: format.date(reward.givenAt), name: reward.givenByStaffName })
        : t('reward.givenOn', { date: format.date(reward.givenAt) })
      : reward.status === 'void' && reward.voidedAt
        ? t('reward.voidedOn', { date: format.date(reward.voidedAt), reason: reward.voidReason })
        : t('reward.earnedOn', { date: format.date(reward.earnedAt) });
  return (
    <li className={`reward-item reward-${reward.status}`}>
      <div className="reward-main">
        <span className={`badge reward-badge reward-badge-${reward.status}`}>{t(`reward.states.${reward.status}`)}</span>
        <span className="reward-sentence">
          <Trans
            t={t}
            i18nKey={showReferrer ? 'reward.forBringingBy' : 'reward.forBringing'}
            values={{ referrer: reward.referrer.name, customer: reward.referred.name, reward: rewardText(reward) }}
            components={{
              referrer: <Link to={`/customers/${reward.referrer.id}`} className="reward-referrer" />,
              customer: <Link to={`/customers/${reward.referred.id}`} />,
              reward: <strong />,
            }}
          />
        </span>
        {showReferrer && reward.referrer.archived && <span className="badge">{t('reward.referrerArchived')}</span>}
      </div>
      <div className="reward-meta">{when}</div>
      {reward.status === 'earned' && (
        <div className="reward-actions">
          <button type="button" className="button button-primary" disabled={give.isPending} onClick={() => void markGiven()}>
            {t('reward.give')}
          </button>
          {owner && (
            <button type="button" className="button button-danger-quiet" onClick={() => setVoiding(true)}>
              {t('reward.void')}
            </button>
          )}
        </div>
      )}
      {voiding && <VoidDialog reward={reward} onClose={() => setVoiding(false)} />}
    </li>
  );
};
