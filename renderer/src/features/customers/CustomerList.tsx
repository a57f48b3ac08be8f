import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerListRow, CustomerSummary } from '../../../../shared/contract/customers';
import { useFormat } from '../../app/format';
import { CustomerRow, type RowContext } from './CustomerRow';

interface CustomerListProps {
  count: number;
  rowAt: (index: number) => CustomerSummary | CustomerListRow | undefined;
  /** The owner's spend column. */
  showSpend: boolean;
  onOpen: (customer: CustomerSummary) => void;
  /** The first and last row on screen (overscan included), whenever they change. */
  onVisibleChange?: (first: number, last: number) => void;
  label: string;
  listRef?: Ref<HTMLDivElement>;
  /** Called with -1 when ↑ is pressed on the first row, to hand focus back to the search box. */
  onLeaveTop?: () => void;
}

const rowHeight = 64;
/** Rows drawn beyond each edge of the list's window. */
const overscan = 2;

/**
 * A virtualised, keyboard-driven list: only the rows on screen exist in the page, ↑/↓/PageUp/
 * PageDown/Home/End move, Enter opens. Memoised: a keystroke in the search box draws the box at
 * once and the list only when its rows change (the search's answer).
 */
export const CustomerList = memo(function CustomerList({ count, rowAt, showSpend, onOpen, onVisibleChange, label, listRef, onLeaveTop }: CustomerListProps) {
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const [active, setActive] = useState(0);
  const { t } = useTranslation(['customers', 'common']);
  const format = useFormat();
  const rowContext = useMemo<RowContext>(() => ({ t, format }), [t, format]);
  // Rows have one fixed height, so nothing is measured. Two rows of overscan cover a wheel step
  // (about 100 px, under two rows); each more is drawn on every frame of a fast scroll (5 rows:
  // 18 rows a frame and 8.9 ms of the page's thread in a trace of the bench's scroll; 2 rows: 12
  // rows, 7 ms). Without flushSync React renders scroll updates with the next frame instead of
  // synchronously inside each scroll event.
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan,
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  // Each row on screen keeps its element while the list scrolls: a row leaving the top comes back
  // as the row entering the bottom, so a scroll changes text in place instead of making and
  // removing elements on every frame. Consecutive rows have distinct slots as long as there are at
  // least as many slots as rows shown; the count only grows (a taller window), so slots hold still.
  // It starts at the most rows the window can show (one more than fit, the first and last cut), so
  // the first scroll to a position between rows does not add a slot: that changed every row's slot
  // at once and replaced every row's element under a click (the bench's profile step clicked a row
  // that was gone, and nothing opened).
  const slots = useRef(0);
  const mostShown = Math.ceil((virtualizer.scrollRect?.height ?? 0) / rowHeight) + 1 + 2 * overscan;
  slots.current = Math.max(slots.current, items.length, mostShown);
  // The elements stay in slot order in the page (each is placed on screen by its transform), so a
  // scroll never moves one: drawn in row order, a scroll up moved the rows still shown below the
  // ones coming in, and a row moved between a press and a release is never clicked (the bench's
  // profile step, after its scroll, clicked a row and nothing opened: 2 of 8 tries in a probe,
  // each with the row moved between mousedown and mouseup). Each option says its place in the list.
  const inSlotOrder = [...items].sort((a, b) => (a.index % slots.current) - (b.index % slots.current));
  const firstVisible = items[0]?.index ?? 0;
  const lastVisible = items.at(-1)?.index ?? 0;

  useEffect(() => onVisibleChange?.(firstVisible, lastVisible), [firstVisible, lastVisible, onVisibleChange]);

  useEffect(() => setActive((current) => Math.min(current, Math.max(0, count - 1))), [count]);

  const move = (next: number) => {
    const clamped = Math.max(0, Math.min(count - 1, next));
    setActive(clamped);
    virtualizer.scrollToIndex(clamped, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => (active === 0 && onLeaveTop ? onLeaveTop() : move(active - 1)),
      PageDown: () => move(active + page),
      PageUp: () => move(active - page),
      Home: () => move(0),
      End: () => move(count - 1),
      Enter: () => {
        const customer = rowAt(active);
        if (customer) onOpen(customer);
      },
    };
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  };

  return (
    <div
      className="virtual-list"
      ref={(element) => {
        scrollRef.current = element;
        if (typeof listRef === 'function') listRef(element);
        else if (listRef) (listRef as { current: HTMLDivElement | null }).current = element;
      }}
      role="listbox"
      aria-label={label}
      aria-activedescendant={count > 0 ? `customer-row-${active}` : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onClick={(event) => {
        const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
        if (!row) return;
        const index = Number(row.dataset.index);
        setActive(index);
        const customer = rowAt(index);
        if (customer) onOpen(customer);
      }}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {inSlotOrder.map((item) => {
          const customer = rowAt(item.index);
          return (
            <div
              key={item.index % slots.current}
              id={`customer-row-${item.index}`}
              data-index={item.index}
              role="option"
              aria-setsize={count}
              aria-posinset={item.index + 1}
              aria-selected={item.index === active}
              className={`list-row ${item.index === active ? 'active' : ''}`}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, height: item.size, transform: `translateY(${item.start}px)` }}
            >
              {customer ? <CustomerRow customer={customer} showSpend={showSpend} context={rowContext} /> : <span className="row-placeholder" aria-hidden="true" />}
            </div>
          );
        })}
      </div>
    </div>
  );
});
