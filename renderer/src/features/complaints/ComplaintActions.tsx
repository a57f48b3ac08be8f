import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintDetail } from '../../../../shared/contract/complaints';
import type { SatisfactionLevel } from '../../../../shared/contract/fields';
import { allowedActions, isActive } from '../../../../shared/complaints/lifecycle';
import type { AppError } from '../../../../shared/errors';
import type { Result } from '../../../../shared/result';
import { useApi, useApiMutation } from '../../api/hooks';
import { useFormat } from '../../app/format';
import { requestUnlock } from '../../app/unlock-requests';
import { ErrorNotice, issuesByPath } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { SatisfactionPicker } from '../../components/SatisfactionPicker';
import { useToast } from '../../components/Toast';
import { CompensationFields, compensationOf, emptyCompensation, type CompensationDraft } from './CompensationFields';

type Done = 'acknowledge' | 'resolve' | 'follow_up' | 'close' | 'reopen' | 'escalate' | 'approve' | 'decline';

/** Runs one step: a toast when it went through, the error beside the form when not. */
const useStep = () => {
  const { t } = useTranslation('complaints');
  const toast = useToast();
  const [error, setError] = useState<AppError | null>(null);
  const run = async (done: Done, call: () => Promise<Result<unknown>>): Promise<boolean> => {
    const result = await call();
    if (!result.ok) {
      setError(result.error);
      return false;
    }
    setError(null);
    toast({ tone: 'success', text: t(`actions.done.${done}`) });
    return true;
  };
  return { error, run };
};

/** What can be done with the complaint now: only the steps its state allows, plus escalation while it is in hand. */
export const ComplaintActions = ({ detail }: { detail: ComplaintDetail }) => {
  const { t } = useTranslation(['complaints', 'common']);
  const format = useFormat();
  const session = useApi('session-get', {});
  const owner = session.data?.role === 'owner';
  const { complaint } = detail;
  const { error, run } = useStep();
  const issues = issuesByPath(error);
  const acknowledge = useApiMutation('complaints-acknowledge');
  const resolve = useApiMutation('complaints-resolve');
  const followUp = useApiMutation('complaints-follow-up');
  const close = useApiMutation('complaints-close');
  const reopen = useApiMutation('complaints-reopen');
  const escalate = useApiMutation('complaints-escalate');
  const decide = useApiMutation('complaints-decide-escalation');

  const [note, setNote] = useState('');
  const [resolution, setResolution] = useState('');
  const [compensation, setCompensation] = useState<CompensationDraft>(emptyCompensation);
  const [escalation, setEscalation] = useState<CompensationDraft>({ kind: 'refund', amount: '' });
  const [escalationNote, setEscalationNote] = useState('');
  const [satisfaction, setSatisfaction] = useState<SatisfactionLevel | null>(null);
  const [invalidAmount, setInvalidAmount] = useState<'resolve' | 'escalate' | null>(null);
  const allowed = allowedActions(complaint.state);
  const approved = complaint.escalation?.status === 'approved' ? complaint.escalation.proposed : null;
  const pending = complaint.escalation?.status === 'requested';
  const inHand = isActive(complaint.state);

  const submitResolve = async (event: FormEvent) => {
    event.preventDefault();
    const given = approved === null ? compensationOf(compensation, format.currency) : undefined;
    if (given === 'invalid') return setInvalidAmount('resolve');
    setInvalidAmount(null);
    const call = () => resolve.mutateAsync({ id: complaint.id, resolution, ...(given === undefined ? {} : { compensation: given }) });
    const result = await call();
    if (!result.ok && result.error.code === 'INVALID_STATE' && result.error.details.reason === 'compensation_needs_approval') {
      // Over the staff limit: what was typed goes to the request for the owner, so nobody types it twice.
      setEscalation(compensation);
    }
    if (await run('resolve', async () => result)) setResolution('');
  };

  const submitEscalation = async (event: FormEvent) => {
    event.preventDefault();
    const proposed = compensationOf(escalation, format.currency);
    if (proposed === 'invalid' || proposed === null) return setInvalidAmount('escalate');
    setInvalidAmount(null);
    await run('escalate', () => escalate.mutateAsync({ id: complaint.id, compensation: proposed, note: escalationNote }));
  };

  return (
    <div className="complaint-actions">
      <ErrorNotice error={error} />
      {allowed.includes('acknowledge') && (
        <form
          className="card form"
          aria-label={t('actions.acknowledge')}
          onSubmit={(event) => {
            event.preventDefault();
            void run('acknowledge', () => acknowledge.mutateAsync({ id: complaint.id, note })).then((ok) => ok && setNote(''));
          }}
        >
          <h2>{t('actions.acknowledge')}</h2>
          <Field label={t('actions.note')} hint={t('actions.acknowledgeHint')} issue={issues.get('note')}>
            <input autoComplete="off" value={note} onChange={(event) => setNote(event.target.value)} />
          </Field>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={acknowledge.isPending}>
              {t('actions.acknowledge')}
            </button>
          </div>
        </form>
      )}
      {inHand && pending && (
        <div className="card escalation-pending" role="group" aria-label={t('board.escalated')}>
          <h2>{t('board.escalated')}</h2>
          <p>
            {t(`compensationKinds.${complaint.escalation!.proposed.kind}`)}
            {complaint.escalation!.proposed.amountMinor !== null && ` ${format.money(complaint.escalation!.proposed.amountMinor)}`}
            {complaint.escalation!.note && ` — ${complaint.escalation!.note}`}
          </p>
          {owner ? (
            <>
              <Field label={t('actions.decision')}>
                <input autoComplete="off" value={note} onChange={(event) => setNote(event.target.value)} />
              </Field>
              <div className="form-actions">
                <button type="button" className="button button-primary" disabled={decide.isPending} onClick={() => void run('approve', () => decide.mutateAsync({ id: complaint.id, approve: true, note }))}>
                  {t('actions.approve')}
                </button>
                <button type="button" className="button" disabled={decide.isPending} onClick={() => void run('decline', () => decide.mutateAsync({ id: complaint.id, approve: false, note }))}>
                  {t('actions.decline')}
                </button>
              </div>
            </>
          ) : (
            <p className="field-hint">
              {t('actions.unlockToDecide')}{' '}
              <button type="button" className="button-link" onClick={requestUnlock}>
                {t('common:actions.unlock')}
              </button>
            </p>
          )}
        </div>
      )}
      {allowed.includes('resolve') && (
        <form className="card form" aria-label={t('actions.resolve')} onSubmit={(event) => void submitResolve(event)}>
          <h2>{t('actions.resolve')}</h2>
          <Field label={t('actions.resolution')} issue={issues.get('resolution')}>
            <textarea rows={3} value={resolution} onChange={(event) => setResolution(event.target.value)} />
          </Field>
          {approved !== null ? (
            <p className="field-hint">
              {t('actions.approvedCompensation', { kind: t(`compensationKinds.${approved.kind}`), amount: approved.amountMinor === null ? '' : format.money(approved.amountMinor) })}
            </p>
          ) : (
            <CompensationFields draft={compensation} onChange={setCompensation} invalid={invalidAmount === 'resolve'} limitMinor={detail.compensationLimitMinor} />
          )}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={resolve.isPending}>
              {t('actions.resolve')}
            </button>
          </div>
        </form>
      )}
      {inHand && !pending && approved === null && (
        <form className="card form" aria-label={t('actions.escalate')} onSubmit={(event) => void submitEscalation(event)}>
          <h2>{t('actions.escalate')}</h2>
          <p className="field-hint">{t('actions.escalateHint')}</p>
          <CompensationFields draft={escalation} onChange={setEscalation} invalid={invalidAmount === 'escalate'} limitMinor={detail.compensationLimitMinor} />
          <Field label={t('actions.escalateNote')}>
            <input autoComplete="off" value={escalationNote} onChange={(event) => setEscalationNote(event.target.value)} />
          </Field>
          <div className="form-actions">
            <button type="submit" className="button" disabled={escalate.isPending}>
              {t('actions.escalate')}
            </button>
          </div>
        </form>
      )}
      {allowed.includes('follow_up') && (
        <form
          className="card form"
          aria-label={t('actions.followUp')}
          onSubmit={(event) => {
            event.preventDefault();
            void run('follow_up', () => followUp.mutateAsync({ id: complaint.id, satisfaction, note }));
          }}
        >
          <h2>{t('actions.followUp')}</h2>
          <div className="field">
            <span className="field-label">{t('detail.satisfaction')}</span>
            <SatisfactionPicker value={satisfaction} onChange={setSatisfaction} />
            <span className="field-hint">{t('actions.followUpHint')}</span>
          </div>
          <Field label={t('actions.note')}>
            <input autoComplete="off" value={note} onChange={(event) => setNote(event.target.value)} />
          </Field>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={followUp.isPending}>
              {t('actions.followUp')}
            </button>
          </div>
        </form>
      )}
      {(allowed.includes('close') || allowed.includes('reopen')) && (
        <div className="card form" role="group" aria-label={t('actions.reopen')}>
          {allowed.includes('reopen') && (
            <Field label={t('actions.reopenReason')} issue={issues.get('note')}>
              <input autoComplete="off" value={note} onChange={(event) => setNote(event.target.value)} />
            </Field>
          )}
          <div className="form-actions">
            {allowed.includes('close') && (
              <button type="button" className="button" disabled={close.isPending} onClick={() => void run('close', () => close.mutateAsync({ id: complaint.id, note: '' }))}>
                {t('actions.close')}
              </button>
            )}
            {allowed.includes('reopen') && (
              <button type="button" className="button" disabled={reopen.isPending} onClick={() => void run('reopen', () => reopen.mutateAsync({ id: complaint.id, note })).then((ok) => ok && setNote(''))}>
                {t('actions.reopen')}
              </button>
            )}
          </div>
        </div>
      )}
    </div>
  );
};
