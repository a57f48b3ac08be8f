import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileSource } from '../../../../shared/contract/files';
import type { ImportAnalysis, ImportDelimiter, ImportEncoding, ImportOutcome, ImportPreview, ImportTarget } from '../../../../shared/contract/transfer';
import type { AppError } from '../../../../shared/errors';
import { useApiMutation } from '../../api/hooks';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ProgressBar } from '../../components/ProgressBar';
import { FileChooser } from '../files/FileChooser';
import { ImportMapping, targetsMappedTwice } from './ImportMapping';
import { ImportPreviewView } from './ImportPreviewView';
import { ImportRuns, UndoImportButton } from './ImportRuns';
import { useJobProgress } from '../jobs/useJobProgress';

type DuplicateChoice = 'skip' | 'create';

interface Plan {
  source: FileSource;
  analysis: ImportAnalysis;
  mapping: ImportTarget[];
  duplicates: DuplicateChoice;
  nameMatches: DuplicateChoice;
  /** The country the file's phone numbers are read for, when the owner chose another than the shop's. */
  country: string | null;
}

type Step =
  | { kind: 'choose' }
  | { kind: 'map'; plan: Plan }
  | { kind: 'preview'; plan: Plan; preview: ImportPreview }
  | { kind: 'done'; outcome: ImportOutcome };

const phaseKeys = ['start', 'read', 'parse', 'check', 'customers', 'index', 'visits', 'done'] as const;

/** Pick a file → what was detected, and the column mapping → every row checked → import, all or nothing. */
export const ImportSection = () => {
  const { t } = useTranslation('data');
  const analyse = useApiMutation('import-analyse');
  const previewCall = useApiMutation('import-preview');
  const commit = useApiMutation('import-commit');
  const { progress, cancel } = useJobProgress(['import-analyse', 'import-preview', 'import-commit']);
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const busy = analyse.isPending || previewCall.isPending || commit.isPending;
  const phase = (name: string) => t(`import.phases.${(phaseKeys as readonly string[]).includes(name) ? (name as (typeof phaseKeys)[number]) : 'start'}`);

  const read = async (source: FileSource, overrides: { encoding?: ImportEncoding; delimiter?: ImportDelimiter; headerRow?: number; sheet?: string | null } = {}, previous?: Plan) => {
    setError(null);
    const result = await analyse.mutateAsync({ source, sheet: overrides.sheet ?? null, encoding: overrides.encoding ?? null, delimiter: overrides.delimiter ?? null, headerRow: overrides.headerRow ?? null });
    if (!result.ok) return setError(result.error);
    setStep({
      kind: 'map',
      plan: {
        source,
        analysis: result.value,
        mapping: result.value.columns.map((column) => column.target),
        duplicates: previous?.duplicates ?? 'skip',
        nameMatches: previous?.nameMatches ?? 'create',
        country: previous?.country ?? null,
      },
    });
  };

  const planInput = (plan: Plan) => ({
    source: plan.source,
    sheet: plan.analysis.sheet,
    country: plan.country,
    fileHash: plan.analysis.fileHash,
    encoding: plan.analysis.encoding,
    delimiter: plan.analysis.delimiter,
    headerRow: plan.analysis.headerRow,
    mapping: plan.mapping,
    duplicates: plan.duplicates,
    nameMatches: plan.nameMatches,
  });

  const check = async (plan: Plan) => {
    setError(null);
    const result = await previewCall.mutateAsync(planInput(plan));
    if (!result.ok) return setError(result.error);
    setSkipInvalid(false);
    setStep({ kind: 'preview', plan, preview: result.value });
  };

  const importAll = async (plan: Plan) => {
    setError(null);
    const result = await commit.mutateAsync({ ...planInput(plan), skipInvalid });
    if (!result.ok) return setError(result.error);
    setStep({ kind: 'done', outcome: result.value });
  };

  const choice = (plan: Plan, field: 'duplicates' | 'nameMatches') => (
    <fieldset className="radio-group">
      <legend>{t(field === 'duplicates' ? 'import.duplicates' : 'import.nameMatches')}</legend>
      {(['skip', 'create'] as const).map((value) => (
        <label key={value} className="checkbox">
          <input
            type="radio"
            name={`import-${field}`}
            checked={plan[field] === value}
            disabled={busy}
            onChange={() => setStep({ kind: 'map', plan: { ...plan, [field]: value } })}
          />
          {t(value === 'skip' ? 'import.skip' : 'import.create')}
        </label>
      ))}
    </fieldset>
  );

  return (
    <section className="card" aria-labelledby="import-title">
      <h2 id="import-title">{t('import.title')}</h2>
      {step.kind === 'choose' && (
        <>
          <p className="field-hint">{t('import.intro')}</p>
          <FileChooser
            purpose="import"
            accept=".csv,.txt,.tsv,.xlsx,.vcf,text/csv,text/vcard"
            chooseLabel={t('import.pickFile')}
            pathLabel={t('import.orPath')}
            disabled={busy}
            onChosen={(source) => void read(source)}
          />
        </>
      )}

      {step.kind === 'map' && (
        <>
          <ImportMapping
            analysis={step.plan.analysis}
            mapping={step.plan.mapping}
            disabled={busy}
            onMapping={(mapping) => setStep({ kind: 'map', plan: { ...step.plan, mapping } })}
            onReread={(changes) =>
              void read(
                step.plan.source,
                { encoding: step.plan.analysis.encoding, delimiter: step.plan.analysis.delimiter, headerRow: step.plan.analysis.headerRow, sheet: step.plan.analysis.sheet, ...changes },
                step.plan,
              )
            }
          />
          <div className="form-grid">
            {choice(step.plan, 'duplicates')}
            {choice(step.plan, 'nameMatches')}
          </div>
          <div className="inline-form">
            <button type="button" className="button button-primary" disabled={busy || targetsMappedTwice(step.plan.mapping).length > 0} onClick={() => void check(step.plan)}>
              {previewCall.isPending ? t('import.checking') : t('import.check')}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => setStep({ kind: 'choose' })}>
              {t('restore.cancel')}
            </button>
          </div>
        </>
      )}

      {step.kind === 'preview' && (
        <>
          <ImportPreviewView preview={step.preview} onCountry={busy ? undefined : (country) => void check({ ...step.plan, country })} />
          {step.preview.totals.invalidRows > 0 && (
            <label className="checkbox">
              <input type="checkbox" checked={skipInvalid} disabled={busy} onChange={(event) => setSkipInvalid(event.target.checked)} />
              {t('import.skipInvalid', { count: step.preview.totals.invalidRows })}
            </label>
          )}
          <div className="inline-form">
            <button
              type="button"
              className="button button-primary"
              disabled={busy || (step.preview.totals.invalidRows > 0 && !skipInvalid) || step.preview.totals.newCustomers + step.preview.totals.visits === 0}
              onClick={() => void importAll(step.plan)}
            >
              {commit.isPending ? t('import.committing') : t('import.commit', { count: step.preview.totals.newCustomers })}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => setStep({ kind: 'map', plan: step.plan })}>
              {t('import.back')}
            </button>
          </div>
        </>
      )}

      {step.kind === 'done' && (
        <>
          <p className="notice notice-success">
            {t('import.done', {
              created: step.outcome.created,
              visits: step.outcome.visits,
              histories: step.outcome.histories,
              seconds: (step.outcome.durationMs / 1000).toFixed(1),
              duplicates: step.outcome.skippedDuplicates,
              invalid: step.outcome.skippedInvalid,
            })}
          </p>
          <div className="inline-form">
            <button type="button" className="button" onClick={() => setStep({ kind: 'choose' })}>
              {t('import.another')}
            </button>
            <UndoImportButton importId={step.outcome.importId} onError={setError} />
          </div>
        </>
      )}
      {step.kind === 'choose' && <ImportRuns onError={setError} />}

      {busy && progress && <ProgressBar phase={phase(progress.phase)} done={progress.done} total={progress.total} onCancel={commit.isPending ? cancel : undefined} />}
      <ErrorNotice error={error} />
    </section>
  );
};
