import { useDeferredValue, useId, useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerSummary } from '../../../shared/contract/customers';
import { useApi, useFetchNow } from '../api/hooks';

export type PickedCustomer = { kind: 'customer'; customer: CustomerSummary } | { kind: 'walk-in' };

interface CustomerPickerProps {
  label: string;
  onPick: (picked: PickedCustomer) => void;
  /**
   * Enter came before the search caught up with the typing: the parent moves on to its next field
   * at once, so keys typed meanwhile are not lost, and the pick lands when the search answers.
   */
  onEnterAhead?: () => void;
  /** An early Enter found nobody: the parent brings focus back here. */
  onNoMatch?: () => void;
  /** Offer "walk-in (no customer)" as the first choice. */
  allowWalkIn?: boolean;
  /** What the no-customer choice is called here ("Anonymous" for a complaint); "walk-in" otherwise. */
  walkInLabel?: string;
  inputRef?: Ref<HTMLInputElement>;
  autoFocus?: boolean;
  placeholder?: string;
}

/**
 * Find a customer from the keyboard: type a name, part of a name or the last digits of a phone,
 * ↑/↓ to choose, Enter to take. A combobox in the WAI-ARIA sense, so screen readers follow along.
 */
export const CustomerPicker = ({ label, onPick, onEnterAhead, onNoMatch, allowWalkIn = false, walkInLabel, inputRef, autoFocus, placeholder }: CustomerPickerProps) => {
  const { t } = useTranslation(['counter', 'common']);
  const id = useId();
  const [query, setQuery] = useState('');
  // Searches from the first keystroke; a search overtaken by the next one is cancelled (useApi).
  const settled = useDeferredValue(query.trim());
  const fetchNow = useFetchNow();
  const search = useApi('customers-search', { query: settled, limit: 8 }, { enabled: settled !== '', keepPrevious: true });
  const rows = settled === '' ? [] : (search.data?.rows ?? []);
  const optionsFor = (customers: readonly CustomerSummary[]): PickedCustomer[] => [
    ...(allowWalkIn ? [{ kind: 'walk-in' } as const] : []),
    ...customers.map((customer) => ({ kind: 'customer', customer }) as const),
  ];
  const options = optionsFor(rows);
  /**
   * What Enter takes before any arrow key: the first customer found; walk-in only when nothing was
   * typed. A name that matches nobody highlights nothing, so it never becomes a walk-in by accident.
   */
  const firstChoice = (typed: string, customers: readonly CustomerSummary[]) => {
    if (customers.length > 0) return allowWalkIn ? 1 : 0;
    return allowWalkIn && typed === '' ? 0 : -1;
  };
  // The highlighted option belongs to one search: new results start on the first customer.
  const [cursor, setCursor] = useState({ search: '', index: 0 });
  const active = cursor.search === settled ? Math.min(cursor.index, options.length - 1) : firstChoice(settled, rows);
  const setActive = (next: (current: number) => number) => setCursor({ search: settled, index: next(active) });

  const choose = (option: PickedCustomer | undefined) => {
    if (!option) return;
    onPick(option);
    setQuery('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((current) => Math.min(current + 1, options.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((current) => Math.max(current - 1, 0));
    } else if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      const typed = query.trim();
      if (typed === settled && !search.isFetching) {
        choose(options[active]);
      } else if (typed !== '') {
        onEnterAhead?.();
        void fetchNow('customers-search', { query: typed, limit: 8 }).then((found) => {
          const option = optionsFor(found.rows)[firstChoice(typed, found.rows)];
          if (option) choose(option);
          else onNoMatch?.();
        });
      }
    } else if (event.key === 'Escape') {
      setQuery('');
    }
  };

  const showList = query.trim() !== '' || allowWalkIn;
  const optionId = (index: number) => `${id}-option-${index}`;
  return (
    <div className="picker">
      <label htmlFor={`${id}-input`}>{label}</label>
      <input
        id={`${id}-input`}
        ref={inputRef}
        type="search"
        role="combobox"
        aria-expanded={showList}
        aria-controls={`${id}-list`}
        aria-activedescendant={showList && options[active] ? optionId(active) : undefined}
        aria-autocomplete="list"
        autoComplete="off"
        autoFocus={autoFocus}
        placeholder={placeholder ?? t('picker.placeholder')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onKeyDown}
      />
      {showList && (
        <ul id={`${id}-list`} role="listbox" className="picker-list" aria-label={label}>
          {options.map((option, index) => (
            <li
              key={option.kind === 'walk-in' ? 'walk-in' : option.customer.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'picker-option active' : 'picker-option'}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(option)}
            >
              {option.kind === 'walk-in' ? (
                <span className="picker-walk-in">{walkInLabel ?? t('picker.walkIn')}</span>
              ) : (
                <>
                  <span className="picker-name">{option.customer.name}</span>
                  <span className="picker-meta">{option.customer.phones.join(' · ')}</span>
                </>
              )}
            </li>
          ))}
          {settled !== '' && search.isSuccess && rows.length === 0 && <li className="picker-empty">{t('picker.noMatch')}</li>}
        </ul>
      )}
    </div>
  );
};
