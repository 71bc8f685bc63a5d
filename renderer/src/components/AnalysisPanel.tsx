import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspace, type AnalysisTab } from '../app/workspace';
import { CooccurrencePanel } from './CooccurrencePanel';
import { QueryPanel } from './QueryPanel';
import { RetrievalPanel } from './RetrievalPanel';
import { SearchPanel } from './SearchPanel';

const tabs: AnalysisTab[] = ['cooccurrence', 'passages', 'query', 'search'];

/** Memoised: it re-renders on its own data, not whenever the workspace opens a document. */
export const AnalysisPanel = memo(function AnalysisPanel() {
  const { t } = useTranslation();
  const { tab, setTab } = useWorkspace();
  return (
    <div className="analysis-panel">
      <div className="tabs" role="tablist">
        {tabs.map((name) => (
          <button key={name} type="button" role="tab" aria-selected={tab === name} className={tab === name ? 'tab active' : 'tab'} onClick={() => setTab(name)}>
            {t(`analysis.${name}`)}
          </button>
        ))}
      </div>
      {tab === 'cooccurrence' && <CooccurrencePanel />}
      {tab === 'passages' && <RetrievalPanel />}
      {tab === 'query' && <QueryPanel />}
      {tab === 'search' && <SearchPanel />}
    </div>
  );
});

/** A passage inside its context, the passage itself marked. */
export function InContext({ context, text }: { context: string; text: string }) {
  const at = context.indexOf(text);
  if (at < 0) return <span className="context">{context}</span>;
  return (
    <span className="context">
      {context.slice(0, at)}
      <mark>{text}</mark>
      {context.slice(at + text.length)}
    </span>
  );
}

export interface PassageItem {
  key: string;
  /** Where the passage comes from: document, speaker, time, case. */
  source: string;
  body: ReactNode;
  /** Extra attributes tests and styles can hook on, e.g. the document name. */
  document?: string;
  open(): void;
  /** Controls beside the passage, such as its key-quote mark. */
  aside?: ReactNode;
}

/** Longer lists than this are drawn a screen at a time: a code with thousands of passages must not fill the page. */
export const DRAWN_WHOLE = 200;

function PassageRow({ item, title, rowRef, index }: { item: PassageItem; title?: string; rowRef?: (element: HTMLLIElement | null) => void; index?: number }) {
  return (
    <li ref={rowRef} data-index={index} data-document={item.document}>
      <button type="button" className="passage" title={title} onClick={item.open}>
        <span className="source">{item.source}</span>
        {item.body}
      </button>
      {item.aside}
    </li>
  );
}

/** A list of passages, each opening its place in the document when clicked. */
export function PassageList({ items, title }: { items: PassageItem[]; title?: string }) {
  if (items.length <= DRAWN_WHOLE) {
    return (
      <ul className="passages">
        {items.map((item) => (
          <PassageRow key={item.key} item={item} title={title} />
        ))}
      </ul>
    );
  }
  return <WindowedPassageList count={items.length} itemAt={(index) => items[index]} title={title} />;
}

/**
 * `count` passages drawn a screen at a time. A passage not yet at hand
 * (`itemAt` gives nothing) is drawn as a placeholder; `onShown` hears which
 * rows are on screen, so that their passages can be fetched.
 */
export function WindowedPassageList({
  count,
  itemAt,
  title,
  onShown,
}: {
  count: number;
  itemAt(index: number): PassageItem | undefined;
  title?: string;
  onShown?(first: number, last: number): void;
}) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => 96, overscan: 6 });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0]?.index ?? 0;
  const last = rows.at(-1)?.index ?? 0;
  useEffect(() => onShown?.(first, last), [onShown, first, last]);
  return (
    <div ref={scrollRef} className="passages-scroll">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        <ul className="passages" style={{ transform: `translateY(${rows[0]?.start ?? 0}px)` }}>
          {rows.map((row) => {
            const item = itemAt(row.index);
            return item ? (
              <PassageRow key={item.key} item={item} title={title} rowRef={virtualizer.measureElement} index={row.index} />
            ) : (
              <li key={`pending-${row.index}`} ref={virtualizer.measureElement} data-index={row.index} className="pending" aria-busy="true">
                {t('app.loading')}
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
