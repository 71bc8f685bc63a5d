import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../shared/model/types';
import { usePrefetch, useRead, useWrite } from '../api/queries';
import { useNotices } from '../app/notices';
import { ConfirmDialog } from './ConfirmDialog';
import { LongList } from './LongList';

export function DocumentList({ selectedId, onSelect }: { selectedId: number | null; onSelect(id: number | null): void }) {
  const { t } = useTranslation();
  const { fail } = useNotices();
  const documents = useRead('documents.list', {});
  const list = documents.data ?? [];
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
      <LongList
        items={list}
        className="document-rows"
        rowHeight={30}
        revealIndex={list.findIndex((doc) => doc.id === selectedId)}
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
