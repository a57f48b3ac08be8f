import { useTranslation } from 'react-i18next';
import type { CustomerSort } from '../../../../shared/contract/customers';

const columns = [
  { key: 'name', sort: 'name' },
  { key: 'lastVisit', sort: 'lastVisit' },
  { key: 'visits', sort: 'visits' },
  { key: 'spend', sort: 'spend' },
] as const;

/**
 * The list's column headers, each a button that sorts by its column (Tab to it, Enter or Space),
 * lined up with the rows' columns. Phones have no header: they do not sort.
 */
export const ListColumns = ({ sort, onSort, showSpend }: { sort: CustomerSort; onSort: (sort: CustomerSort) => void; showSpend: boolean }) => {
  const { t } = useTranslation('customers');
  const shown = columns.filter((column) => showSpend || column.key !== 'spend');
  return (
    <div className="list-columns list-row" role="group" aria-label={t('list.sort')}>
      {shown.map((column) => (
        <span key={column.key} className={column.key === 'name' ? 'list-column-name' : column.key === 'lastVisit' ? '' : 'row-number'}>
          <button
            type="button"
            className={`button-link list-column ${sort === column.sort ? 'sorted' : ''}`}
            aria-pressed={sort === column.sort}
            title={t('list.sortedBy', { column: t(`list.columns.${column.key}`) })}
            onClick={() => onSort(column.sort)}
          >
            {t(`list.columns.${column.key}`)}
            {sort === column.sort && <span aria-hidden="true"> ↓</span>}
          </button>
        </span>
      ))}
    </div>
  );
};
