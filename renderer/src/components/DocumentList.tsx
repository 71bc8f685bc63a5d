import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../shared/model/types';
import { usePrefetch, useRead, useWrite } from '../api/queries';
import { useNotices } from '../app/notices';
import { ConfirmDialog } from './ConfirmDialog';

export function DocumentList({ selectedId, onSelect }: { selectedId: number | null; onSelect(id: number | null): void }) {
  const { t } = useTranslation();
  const { fail } = useNotices();
  const documents = useRead('documents.list', {});
  const remove = useWrite('documents.delete');
  const rename = useWrite('documents.rename');
  const prefetch = usePrefetch();
  // What the document view reads, fetched while the pointer rests on the document, so a click opens it at once.
  const warm = (id: number) => {
    prefetch('documents.get', { id });
    prefetch('codings.spans', { documentId: id });
    prefetch('documents.turns', { documentId: id });
  };
  const [deleting, setDeleting] = useState<DocumentSummary | null>(null);
  const [renaming, setRenaming] = useState<{ id: number; name: string } | null>(null);

  const submitRename = (event: FormEvent) => {
    event.preventDefault();
    if (renaming?.name.trim()) rename.mutate({ id: renaming.id, name: renaming.name.trim() }, { onSuccess: () => setRenaming(null), onError: fail });
  };

  return (
    <section className="panel documents" aria-labelledby="documents-heading">
      <h2 id="documents-heading">{t('documents.heading')}</h2>
      {documents.data?.length === 0 && <p className="hint">{t('documents.empty')}</p>}
      <DocumentRows
        documents={documents.data ?? []}
        selectedId={selectedId}
        row={(doc, rowRef, index) => (
          <li key={doc.id} ref={rowRef} data-index={index} className={doc.id === selectedId ? 'selected' : undefined}>
            {renaming?.id === doc.id ? (
              <form onSubmit={submitRename} className="inline-form">
                <input
                  autoFocus
                  aria-label={t('document.rename')}
                  value={renaming.name}
                  onChange={(e) => setRenaming({ id: doc.id, name: e.target.value })}
                  onKeyDown={(e) => e.key === 'Escape' && setRenaming(null)}
                />
              </form>
            ) : (
              <button type="button" className="doc-link" onClick={() => onSelect(doc.id)} onPointerEnter={() => warm(doc.id)} onFocus={() => warm(doc.id)} title={doc.sourceName}>
                <span className="doc-name">{doc.name}</span>
                <span className="count">{t('documents.codingCount', { count: doc.codingCount })}</span>
              </button>
            )}
            <button type="button" className="icon" aria-label={`${t('document.rename')} ${doc.name}`} title={t('document.rename')} onClick={() => setRenaming({ id: doc.id, name: doc.name })}>
              ✎
            </button>
            <button type="button" className="icon" aria-label={t('documents.delete')} title={t('documents.delete')} onClick={() => setDeleting(doc)}>
              ×
            </button>
          </li>
        )}
      />
      {deleting && (
        <ConfirmDialog
          message={t('documents.deleteConfirm', { name: deleting.name, count: deleting.codingCount })}
          confirmLabel={t('common.delete')}
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            remove.mutate({ id: deleting.id }, { onError: fail, onSuccess: () => deleting.id === selectedId && onSelect(null) });
            setDeleting(null);
          }}
        />
      )}
    </section>
  );
}

/** Lists up to this long are drawn whole; longer ones a screenful at a time. */
const drawnWhole = 200;

type RowRef = (element: HTMLLIElement | null) => void;

/**
 * The documents in a box of their own, so the codebook below stays in reach
 * of a project of a thousand transcripts; a long list draws only the rows in
 * view (a thousand rows took a third of a second to lay out on opening), and
 * brings the open document into view when it is opened from elsewhere.
 */
function DocumentRows(props: { documents: readonly DocumentSummary[]; selectedId: number | null; row(doc: DocumentSummary, rowRef: RowRef | undefined, index: number): ReactNode }) {
  if (props.documents.length <= drawnWhole) return <ul className="document-rows">{props.documents.map((doc, index) => props.row(doc, undefined, index))}</ul>;
  return <WindowedDocumentRows {...props} />;
}

function WindowedDocumentRows({ documents, selectedId, row }: Parameters<typeof DocumentRows>[0]) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: documents.length, getScrollElement: () => scrollRef.current, estimateSize: () => 30, overscan: 8 });
  const selectedIndex = documents.findIndex((doc) => doc.id === selectedId);
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [virtualizer, selectedIndex]);
  const rows = virtualizer.getVirtualItems();
  return (
    <div ref={scrollRef} className="document-rows windowed">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        <ul style={{ transform: `translateY(${rows[0]?.start ?? 0}px)` }}>{rows.map((item) => row(documents[item.index]!, virtualizer.measureElement, item.index))}</ul>
      </div>
    </div>
  );
}
