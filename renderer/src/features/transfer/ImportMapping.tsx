import { useTranslation } from 'react-i18next';
import { importDelimiters, importEncodings, repeatableTargets, type ImportAnalysis, type ImportDelimiter, type ImportEncoding, type ImportTarget } from '../../../../shared/contract/transfer';
import { Field } from '../../components/Field';

const groups: { name: 'customer' | 'visit' | 'history' | 'other'; targets: ImportTarget[] }[] = [
  {
    name: 'customer',
    targets: ['name', 'familyName', 'givenName', 'phone', 'email', 'birthday', 'gender', 'address', 'notes', 'tags', 'interests', 'source', 'needType', 'consent', 'createdAt', 'referrer'],
  },
  { name: 'visit', targets: ['visitDate', 'visitAmount', 'visitItems', 'visitNote'] },
  { name: 'history', targets: ['historyFirstVisit', 'historyLastVisit', 'historyVisitCount', 'historySpent', 'historyPoints', 'historyMemberLevel'] },
  { name: 'other', targets: ['notesAppend', 'ignore'] },
];

const delimiterNames: Record<ImportDelimiter, 'comma' | 'tab' | 'semicolon' | 'pipe'> = { ',': 'comma', '\t': 'tab', ';': 'semicolon', '|': 'pipe' };

/** Targets chosen for more than one column although they take one value. */
export const targetsMappedTwice = (mapping: readonly ImportTarget[]): ImportTarget[] =>
  [...new Set(mapping.filter((target, index) => !repeatableTargets.has(target) && mapping.indexOf(target) !== index))];

export const mapsAName = (mapping: readonly ImportTarget[]): boolean => mapping.some((target) => target === 'name' || target === 'givenName' || target === 'familyName');

interface ImportMappingProps {
  analysis: ImportAnalysis;
  mapping: ImportTarget[];
  onMapping: (mapping: ImportTarget[]) => void;
  onReread: (changes: { encoding?: ImportEncoding; delimiter?: ImportDelimiter; headerRow?: number; sheet?: string }) => void;
  disabled: boolean;
}

/** What Regulars detected (encoding, separator, header row) and which field each column fills — all correctable. */
export const ImportMapping = ({ analysis, mapping, onMapping, onReread, disabled }: ImportMappingProps) => {
  const { t } = useTranslation(['data', 'transfer']);
  const twice = targetsMappedTwice(mapping);
  return (
    <div className="import-mapping">
      <p>
        <strong>{t('import.detected', { file: analysis.fileName, rows: new Intl.NumberFormat().format(analysis.rowCount) })}</strong>
      </p>
      <p className="field-hint">{t(`import.formats.${analysis.format}`)}</p>
      <div className="form-grid">
        {analysis.sheets.length > 1 && (
          <Field label={t('import.sheet')}>
            <select value={analysis.sheet ?? ''} disabled={disabled} onChange={(event) => onReread({ sheet: event.target.value, headerRow: undefined })}>
              {analysis.sheets.map((sheet) => (
                <option key={sheet} value={sheet}>
                  {sheet}
                </option>
              ))}
            </select>
          </Field>
        )}
        {analysis.format === 'text' && (
        <Field label={t('import.encoding')} hint={analysis.encodingEvidence === 'bom' ? t('import.encodingFromBom') : t('import.encodingDetected')}>
          <select value={analysis.encoding} disabled={disabled} onChange={(event) => onReread({ encoding: event.target.value as ImportEncoding })}>
            {importEncodings.map((encoding) => (
              <option key={encoding} value={encoding}>
                {t(`import.encodings.${encoding}`)}
              </option>
            ))}
          </select>
        </Field>
        )}
        {analysis.format === 'text' && (
        <Field label={t('import.delimiter')}>
          <select value={analysis.delimiter} disabled={disabled} onChange={(event) => onReread({ delimiter: event.target.value as ImportDelimiter })}>
            {importDelimiters.map((delimiter) => (
              <option key={delimiter} value={delimiter}>
                {t(`import.delimiters.${delimiterNames[delimiter]}`)}
              </option>
            ))}
          </select>
        </Field>
        )}
        <Field label={t('import.headerRow')}>
          <input
            type="number"
            min={1}
            max={100}
            value={analysis.headerRow}
            disabled={disabled}
            onChange={(event) => {
              const row = Number(event.target.value);
              if (Number.isInteger(row) && row >= 1 && row <= 100) onReread({ headerRow: row });
            }}
          />
        </Field>
      </div>
      <table className="data-table mapping-table">
        <caption className="visually-hidden">{t('import.columns')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('import.column')}</th>
            <th scope="col">{t('import.samples')}</th>
            <th scope="col">{t('import.target')}</th>
          </tr>
        </thead>
        <tbody>
          {analysis.columns.map((column) => (
            <tr key={column.index} className={mapping[column.index] === 'ignore' ? 'ignored' : undefined}>
              <th scope="row">{column.header || '—'}</th>
              <td className="samples">{column.samples.join(' · ')}</td>
              <td>
                <select
                  aria-label={t('import.target') + ': ' + (column.header || String(column.index + 1))}
                  value={mapping[column.index] ?? 'ignore'}
                  disabled={disabled}
                  aria-invalid={twice.includes(mapping[column.index] ?? 'ignore') || undefined}
                  onChange={(event) => onMapping(mapping.map((target, index) => (index === column.index ? (event.target.value as ImportTarget) : target)))}
                >
                  {groups.map((group) => (
                    <optgroup key={group.name} label={t(`import.groups.${group.name}`)}>
                      {group.targets.map((target) => (
                        <option key={target} value={target}>
                          {t(`transfer:targets.${target}`)}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {twice.map((target) => (
        <p key={target} className="field-error" role="alert">
          {t('import.twice', { target: t(`transfer:targets.${target}`) })}
        </p>
      ))}
      {!mapsAName(mapping) && <p className="notice notice-warning">{t('import.noName')}</p>}
    </div>
  );
};
