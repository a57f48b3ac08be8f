import { useTranslation } from 'react-i18next';
import type { CallRow } from './call-list';

/** The printed call list: only visible on paper (see the print rules in ./styles.css). */
export const CallList = ({ rows, title }: { rows: readonly CallRow[]; title: string }) => {
  const { t } = useTranslation('reminders');
  return (
    <section className="call-list" aria-hidden="true">
      <h1>{title}</h1>
      {rows.length === 0 ? (
        <p>{t('callList.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('callList.columns.name')}</th>
              <th>{t('callList.columns.phones')}</th>
              <th>{t('callList.columns.reason')}</th>
              <th>{t('callList.columns.due')}</th>
              <th>{t('callList.columns.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>{row.name}</td>
                <td className="call-phones">{row.phones}</td>
                <td>{row.reason}</td>
                <td className="call-due">{row.due}</td>
                <td className="call-outcome" />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
};
