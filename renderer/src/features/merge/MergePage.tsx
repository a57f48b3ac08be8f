import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { CustomerDetail } from '../../../../shared/contract/customers';
import type { MergePreview } from '../../../../shared/contract/merge';
import type { AppError } from '../../../../shared/errors';
import { auditLabels, labelOf } from '../../../../shared/i18n/audit';
import { canCombine, defaultChoices, differs, hasValue, mergedFields, mergeFieldNames, type MergeChoice, type MergeChoices } from '../../../../shared/merge-fields';
import { ApiError } from '../../api/client';
import { useApi, useApiMutation } from '../../api/hooks';
import { useFormat } from '../../app/format';
import { useAppLanguage } from '../../app/language';
import { CustomerPicker } from '../../components/CustomerPicker';
import { ErrorNotice, useDescribeIssue } from '../../components/ErrorNotice';
import { useToast } from '../../components/Toast';
import { useMergeUndo } from './useMergeUndo';
import { fieldLabelKeys, useFieldValue } from './useFieldValue';

/** Merge two records of one person: pick the other, choose each field's value, see what moves. */
export const MergePage = () => {
  const { id = '' } = useParams();
  const { t } = useTranslation(['merge', 'common']);
  const [params, setParams] = useSearchParams();
  const otherId = params.get('with');
  const customer = useApi('customers-get', { id });

  useEffect(() => {
    document.title = `${t('title')} · ${t('common:appName')}`;
  }, [t]);

  if (customer.error instanceof ApiError) return <section className="page"><ErrorNotice error={customer.error.error} /></section>;
  if (!customer.data) return <p className="page">{t('common:loading')}</p>;
  return (
    <section className="page merge" aria-labelledby="merge-title">
      <header className="page-header">
        <h1 id="merge-title">{t('title')}</h1>
        <div className="header-actions">
          <Link className="button" to={`/customers/${id}`}>
            {t('common:actions.cancel')}
          </Link>
        </div>
      </header>
      <p className="page-intro">{t('intro')}</p>
      {otherId === null ? (
        <PickOther customer={customer.data} onPick={(other) => setParams({ with: other }, { replace: true })} />
      ) : (
        <ChooseValues key={otherId} customer={customer.data} otherId={otherId} onChangeOther={() => setParams({}, { replace: true })} />
      )}
    </section>
  );
};

const PickOther = ({ customer, onPick }: { customer: CustomerDetail; onPick: (id: string) => void }) => {
  const { t } = useTranslation(['merge', 'common']);
  const likely = useApi('customers-find-duplicates', {
    name: customer.name,
    phones: customer.phones.map((phone) => phone.display),
    email: customer.email,
    excludeId: customer.id,
  });
  return (
    <div className="card">
      {likely.data && likely.data.length > 0 && (
        <section aria-labelledby="likely-title">
          <h2 id="likely-title">{t('suggestions')}</h2>
          <ul className="merge-suggestions">
            {likely.data.map(({ customer: candidate }) => (
              <li key={candidate.id}>
                <span className="row-name">{candidate.name}</span> <span className="row-phones">{candidate.phones.join(' · ')}</span>{' '}
                <button type="button" className="button" onClick={() => onPick(candidate.id)}>
                  {t('choose')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <CustomerPicker
        label={t('pick')}
        autoFocus
        onPick={(picked) => picked.kind === 'customer' && picked.customer.id !== customer.id && onPick(picked.customer.id)}
      />
    </div>
  );
};

const ChooseValues = ({ customer, otherId, onChangeOther }: { customer: CustomerDetail; otherId: string; onChangeOther: () => void }) => {
  const { t } = useTranslation(['merge', 'common']);
  const [keepThis, setKeepThis] = useState(true);
  const survivorId = keepThis ? customer.id : otherId;
  const absorbedId = keepThis ? otherId : customer.id;
  const preview = useApi('customers-merge-preview', { survivorId, absorbedId });
  const other = preview.data ? (keepThis ? preview.data.absorbed : preview.data.survivor) : null;
  return (
    <>
      <ErrorNotice error={preview.error instanceof ApiError ? preview.error.error : null} />
      {preview.error && (
        <button type="button" className="button" onClick={onChangeOther}>
          {t('change')}
        </button>
      )}
      {preview.data && other && (
        <>
          <div className="card merge-keep">
            <fieldset className="field-group">
              <legend>{t('keep')}</legend>
              <div className="segmented" role="radiogroup">
                {[customer, other].map((record) => (
                  <label key={record.id} className={`segment ${record.id === survivorId ? 'active' : ''}`}>
                    <input type="radio" name="keep" checked={record.id === survivorId} onChange={() => setKeepThis(record.id === customer.id)} />
                    {record.name}
                  </label>
                ))}
              </div>
              <p className="field-hint">{t('keepHint')}</p>
              <button type="button" className="button-link" onClick={onChangeOther}>
                {t('change')}
              </button>
            </fieldset>
          </div>
          <MergeForm key={survivorId} preview={preview.data} />
        </>
      )}
    </>
  );
};

const MergeForm = ({ preview }: { preview: MergePreview }) => {
  const { t } = useTranslation(['merge', 'customers', 'audit', 'common']);
  const format = useFormat();
  const navigate = useNavigate();
  const toast = useToast();
  const describeIssue = useDescribeIssue();
  const valueOf = useFieldValue();
  const undo = useMergeUndo();
  const merge = useApiMutation('customers-merge');
  const { survivor, absorbed } = preview;
  const [choices, setChoices] = useState<MergeChoices>(() => defaultChoices(survivor, absorbed));
  const [error, setError] = useState<AppError | null>(null);
  const language = useAppLanguage();
  const moves = preview.moves.filter((move) => move.count > 0);
  const since = survivor.createdAt < absorbed.createdAt ? survivor.createdAt : absorbed.createdAt;
  const choose = (field: keyof MergeChoices, choice: MergeChoice) => setChoices((current) => ({ ...current, [field]: choice }));

  const submit = async () => {
    if (merge.isPending) return;
    const result = await merge.mutateAsync({ survivorId: survivor.id, absorbedId: absorbed.id, fields: mergedFields(survivor, absorbed, choices) });
    if (!result.ok) return setError(result.error);
    navigate(`/customers/${survivor.id}`, { replace: true });
    toast({
      tone: 'success',
      text: t('merged', { absorbed: absorbed.name, survivor: result.value.survivor.name }),
      action: { label: t('undo'), run: () => undo(result.value.merge.id, absorbed.name) },
    });
  };

  return (
    <div className="card">
      <table className="merge-table">
        <thead>
          <tr>
            <th scope="col">{t('field')}</th>
            <th scope="col">{survivor.name}</th>
            <th scope="col">{absorbed.name}</th>
            <th scope="col">
              <span className="visually-hidden">{t('both')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {mergeFieldNames.map((field) => {
            const label = t(`customers:${fieldLabelKeys[field]}`);
            const different = differs(survivor, absorbed, field);
            const option = (choice: MergeChoice, text: string) => (
              <label className={`merge-option ${choices[field] === choice ? 'chosen' : ''}`}>
                <input type="radio" name={`merge-${field}`} checked={choices[field] === choice} onChange={() => choose(field, choice)} aria-label={`${label}: ${text}`} />
                <span>{text}</span>
              </label>
            );
            return (
              <tr key={field} className={different ? 'merge-differs' : undefined}>
                <th scope="row">
                  {label}
                  {different && <span className="badge badge-muted">{t('differs')}</span>}
                </th>
                {different ? (
                  <>
                    <td>{option('survivor', valueOf(survivor, field))}</td>
                    <td>{option('absorbed', valueOf(absorbed, field))}</td>
                    <td>{canCombine(field) && hasValue(survivor[field]) && hasValue(absorbed[field]) && option('both', t('both'))}</td>
                  </>
                ) : (
                  <td colSpan={3} className="muted">
                    {valueOf(survivor, field)}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      <section className="merge-moves" aria-labelledby="moves-title">
        <h2 id="moves-title">{t('moves')}</h2>
        {moves.length === 0 ? (
          <p className="muted">{t('nothingMoves')}</p>
        ) : (
          <ul className="record-counts">
            {moves.map((move) => (
              <li key={move.kind}>
                {t('audit:labelled', { label: labelOf(auditLabels[language].records, move.kind) })}
                <strong>{move.count}</strong>
              </li>
            ))}
          </ul>
        )}
        <p className="field-hint">{t('since', { date: format.date(since) })}</p>
      </section>
      <ErrorNotice error={error} />
      {error?.code === 'VALIDATION_FAILED' && (
        <ul className="field-error">
          {error.details.issues.map((issue) => {
            const field = issue.path.split('.')[1] as keyof typeof fieldLabelKeys | undefined;
            return <li key={issue.path}>{`${field && field in fieldLabelKeys ? t(`customers:${fieldLabelKeys[field]}`) : issue.path}: ${describeIssue(issue)}`}</li>;
          })}
        </ul>
      )}
      <div className="form-actions">
        <button type="button" className="button button-primary" disabled={merge.isPending} onClick={() => void submit()}>
          {merge.isPending ? t('merging') : t('submit')}
        </button>
      </div>
    </div>
  );
};
