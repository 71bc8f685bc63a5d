import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';

/** Lists up to this long are drawn whole; longer ones a screenful at a time. */
const drawnWhole = 200;

export type RowRef = (element: HTMLLIElement | null) => void;

interface LongListProps<T> {
  items: readonly T[];
  /** The box's class: it sets the height a long list scrolls in. */
  className: string;
  /** A row's usual height in pixels, before it is measured. */
  rowHeight: number;
  /** A row to bring into view when it changes (the open document, say). */
  revealIndex?: number;
  /** One `<li>`; a windowed list passes `rowRef` and `index`, which the row must set as its ref and `data-index`. */
  row(item: T, rowRef: RowRef | undefined, index: number): ReactNode;
}

/**
 * A list in a box of its own, so the panes below stay in reach of a project
 * of a thousand transcripts or speakers. A long list draws only the rows in
 * view: a thousand rows took a third of a second to lay out on opening.
 */
export function LongList<T>(props: LongListProps<T>) {
  if (props.items.length <= drawnWhole) return <ul className={props.className}>{props.items.map((item, index) => props.row(item, undefined, index))}</ul>;
  return <WindowedList {...props} />;
}

function WindowedList<T>({ items, className, rowHeight, revealIndex, row }: LongListProps<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: items.length, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 8 });
  useEffect(() => {
    if (revealIndex !== undefined && revealIndex >= 0) virtualizer.scrollToIndex(revealIndex, { align: 'auto' });
  }, [virtualizer, revealIndex]);
  const rows = virtualizer.getVirtualItems();
  return (
    <div ref={scrollRef} className={`${className} windowed`}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        <ul style={{ transform: `translateY(${rows[0]?.start ?? 0}px)` }}>{rows.map((item) => row(items[item.index]!, virtualizer.measureElement, item.index))}</ul>
      </div>
    </div>
  );
}
