import { useTranslation } from 'react-i18next';
import type { ImportHistory, ImportPreview, ImportRowIssue } from '../../../../shared/contract/transfer';
import { useFormat } from '../../app/format';

/** "Row 17, 手機: not a phone number (abc)" in the app's language. */
export const useDescribeRowIssue = () => {
  const { t } = useTranslation('transfer');
  return (issue: ImportRowIssue): string => {
    const problem = t(`rules.${issue.rule}`, { limit: issue.limit ?? '' });
    if (issue.column === '') return t('rowIssue', { row: issue.row, problem });
    // A cell left empty has no value to quote: "Name: missing", not "Name: missing ()".
    return issue.value.trim() === '' ? t('issueEmpty', { row: issue.row, column: issue.column, problem }) : t('issue', { row: issue.row, column: issue.column, problem, value: issue.value });
  };
};

const totalKeys = ['newCustomers', 'duplicates', 'possibleDuplicates', 'sameAsAbove', 'invalidRows', 'visits', 'histories'] as const;

/** "37 visits · $1,204.50 · 4 Jan 2025 – 30 Oct 2026": what a row brings as the customer's history. */
const HistoryCell = ({ history }: { history: ImportHistory }) => {
  const { t } = useTranslation('data');
  const format = useFormat();
  const dates = history.firstVisitAt !== null && history.lastVisitAt !== null ? t('import.historyDates', { first: format.date(history.firstVisitAt), last: format.date(history.lastVisitAt) }) : '';
  return <>{t('import.historyLine', { count: history.visitCount, spent: format.money(history.revenueMinor), dates })}</>;
};

/** "Most numbers read as China's": the country the file's numbers fit, offered when it is not the one used. */
const PhoneCountryNotice = ({ preview, onCountry }: { preview: ImportPreview; onCountry?: (country: string) => void }) => {
  const { t, i18n } = useTranslation('data');
  const { phoneCountry } = preview;
  const proposed = phoneCountry.proposed;
  if (proposed === null) return null;
  const regions = new Intl.DisplayNames([i18n.language], { type: 'region' });
  const name = (code: string) => (code === '' ? t('import.noCountry') : (regions.of(code) ?? code));
  return (
    <div className="notice notice-warning phone-country">
      <p>
        {t('import.phoneCountry', {
          unreadable: phoneCountry.sampled - phoneCountry.readable,
          sampled: phoneCountry.sampled,
          used: name(phoneCountry.used),
          readable: proposed.readable,
          proposed: name(proposed.country),
        })}
      </p>
      <button type="button" className="button button-primary" disabled={onCountry === undefined} onClick={() => onCountry?.(proposed.country)}>
        {t('import.useCountry', { proposed: name(proposed.country) })}
      </button>
    </div>
  );
};

/** Totals, every problem (up to a limit) with its row, and the rows that need a look. */
export const ImportPreviewView = ({ preview, onCountry }: { preview: ImportPreview; onCountry?: (country: string) => void }) => {
  const { t, i18n } = useTranslation('data');
  const describeIssue = useDescribeRowIssue();
  const number = new Intl.NumberFormat(i18n.language);
  const { totals } = preview;
  return (
    <div className="import-preview">
      <PhoneCountryNotice preview={preview} onCountry={onCountry} />
      <ul className="totals">
        {totalKeys.map((key) => (
          <li key={key} className={`total total-${key}`}>
            <span className="total-number">{number.format(totals[key])}</span> <span className="total-label">{t(`import.totals.${key}`, { count: totals[key] })}</span>
          </li>
        ))}
      </ul>
      {totals.referrersFound + totals.referrersNotFound > 0 && (
        <p className="field-hint">
          {t('import.referrersLink', { found: totals.referrersFound, missing: totals.referrersNotFound })}
        </p>
      )}
      {preview.issues.length > 0 && (
        <section aria-labelledby="import-problems" className="import-problems">
          <h3 id="import-problems">{t('import.problems')}</h3>
          <ul>
            {preview.issues.map((issue, index) => (
              <li key={`${issue.row}-${index}`}>{describeIssue(issue)}</li>
            ))}
          </ul>
          {preview.issuesTotal > preview.issues.length && <p className="muted">{t('import.moreProblems', { count: preview.issuesTotal - preview.issues.length })}</p>}
        </section>
      )}
      <h3>{t('import.rows')}</h3>
      <div className="table-scroll">
        <table className="data-table preview-table">
          <thead>
            <tr>
              <th scope="col">{t('import.row')}</th>
              <th scope="col">{t('import.name')}</th>
              <th scope="col">{t('import.phones')}</th>
              <th scope="col">{t('import.status')}</th>
              <th scope="col">{t('import.history')}</th>
              <th scope="col">{t('import.match')}</th>
              <th scope="col">{t('import.referrer')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => (
              <tr key={row.row} className={`status-${row.status}`}>
                <td>{row.row}</td>
                <td>{row.name}</td>
                <td>{row.phones.join(', ')}</td>
                <td>
                  <span className={`badge badge-${row.status}`}>{t(`import.statuses.${row.status}`)}</span>
                  {row.visits > 0 && (
                    <span className="muted">
                      {' '}
                      · {row.visits} {t('import.totals.visits', { count: row.visits })}
                    </span>
                  )}
                </td>
                <td>{row.history && <HistoryCell history={row.history} />}</td>
                <td>{row.match ? `${row.match.name} (${t(`import.reasons.${row.match.reason}`)})` : ''}</td>
                <td>
                  {row.referrer &&
                    (row.referrer.outcome === 'found'
                      ? t('import.referrerFound', { name: row.referrer.customer?.name ?? row.referrer.text })
                      : `${row.referrer.text} — ${row.referrer.outcome === 'ambiguous' ? t('import.referrerAmbiguous') : t('import.referrerNotFound')}`)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
};
