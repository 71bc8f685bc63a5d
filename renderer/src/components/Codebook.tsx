import { memo, useRef, useState, type DragEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { flattenCodeTree } from '../../../shared/model/codeTree';
import type { Code } from '../../../shared/model/types';
import { useRead, useWrite } from '../api/queries';
import { CODE_DRAG_TYPE } from '../app/codeDrag';
import { downloadText } from '../app/files';
import { useNotices } from '../app/notices';
import { useWorkspaceCommands } from '../app/workspace';
import { CodeDetailsDialog } from './CodeDetailsDialog';
import { ConfirmDialog } from './ConfirmDialog';

interface PendingDelete {
  code: Code;
  codings: number;
  documents: number;
  children: number;
}

/** Memoised: it re-renders on its own data, not whenever the workspace opens a document. */
export const Codebook = memo(function Codebook() {
  const { t, i18n } = useTranslation();
  const { fail, notify } = useNotices();
  const { showPassages } = useWorkspaceCommands();
  const fileInput = useRef<HTMLInputElement>(null);
  const importFile = useWrite('codebook.import');
  const addStarter = useWrite('codebook.addStarter');

  const exportCodebook = async (format: 'csv' | 'md') => {
    try {
      const { fileName, content } = await api.call('codebook.export', { format, lang: i18n.resolvedLanguage === 'id' ? 'id' : 'en' });
      downloadText(fileName, content, format === 'csv' ? 'text/csv;charset=utf-8' : 'text/markdown;charset=utf-8');
    } catch (error) {
      fail(error);
    }
  };

  const importCodebook = async (file: File | undefined) => {
    if (!file) return;
    importFile.mutate({ fileName: file.name, content: await file.text() }, { onSuccess: (r) => notify('info', t('codebook.imported', { created: r.created, updated: r.updated })), onError: fail });
    if (fileInput.current) fileInput.current.value = '';
  };
  const codes = useRead('codes.list', {});
  // Every row offers every other code to merge into: a large codebook lists them only in the row being used, or the page would hold codes² options.
  const [mergeFrom, setMergeFrom] = useState<number | null>(null);
  const create = useWrite('codes.create');
  const remove = useWrite('codes.delete');
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState<number | null>(null);
  const [deleting, setDeleting] = useState<PendingDelete | null>(null);
  const [editing, setEditing] = useState<Code | null>(null);
  const [merging, setMerging] = useState<{ source: Code; target: Code } | null>(null);
  const merge = useWrite('codes.merge');
  const reparent = useWrite('codes.reparent');
  const split = useWrite('codes.split');
  const [splitting, setSplitting] = useState<{ code: Code; name: string } | null>(null);
  const [dropTarget, setDropTarget] = useState<number | 'top' | null>(null);
  const rows = flattenCodeTree(codes.data ?? []);
  const allMergeOptions = rows.length <= 100;
  // Looked up once, not once per code: the tree re-renders on every coding.
  const label = { retrieve: t('codebook.retrieve'), details: t('codebook.details'), merge: t('codebook.merge'), split: t('codebook.split'), remove: t('codebook.delete') };

  const dragOver = (event: DragEvent, target: number | 'top') => {
    if (!event.dataTransfer.types.includes(CODE_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    setDropTarget(target);
  };
  const drop = (event: DragEvent, parentId: number | null) => {
    if (!event.dataTransfer.types.includes(CODE_DRAG_TYPE)) return;
    event.preventDefault();
    event.stopPropagation();
    setDropTarget(null);
    const id = Number(event.dataTransfer.getData(CODE_DRAG_TYPE));
    if (id && id !== parentId) reparent.mutate({ ids: [id], parentId }, { onError: fail });
  };

  const add = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    create.mutate({ name: name.trim(), parentId }, { onSuccess: () => setName(''), onError: fail });
  };

  const askDelete = async (code: Code) => {
    try {
      setDeleting({ code, ...(await api.call('codes.usage', { id: code.id })) });
    } catch (error) {
      fail(error);
    }
  };

  return (
    <section className="panel codebook" aria-labelledby="codebook-heading">
      <h2
        id="codebook-heading"
        className={dropTarget === 'top' ? 'drop-target' : undefined}
        title={t('codebook.moveToTop')}
        onDragOver={(e) => dragOver(e, 'top')}
        onDragLeave={() => setDropTarget(null)}
        onDrop={(e) => drop(e, null)}
      >
        {t('codebook.heading')}
      </h2>
      {rows.length === 0 && <p className="hint">{t('codebook.empty')}</p>}
      <ul className="code-tree">
        {rows.map(({ code, depth }) => (
          <li
            key={code.id}
            style={{ paddingLeft: `${depth * 14}px` }}
            data-code={code.name}
            className={dropTarget === code.id ? 'drop-target' : undefined}
            draggable
            onDragStart={(e) => {
              e.dataTransfer.setData(CODE_DRAG_TYPE, String(code.id));
              e.dataTransfer.effectAllowed = 'copyMove';
            }}
            onDragOver={(e) => dragOver(e, code.id)}
            onDragLeave={() => setDropTarget(null)}
            onDrop={(e) => drop(e, code.id)}
            title={[code.description, code.inclusion && `+ ${code.inclusion}`, code.exclusion && `− ${code.exclusion}`, code.example && `“${code.example}”`, code.atypical && `~ “${code.atypical}”`].filter(Boolean).join('\n')}>
            <span className="swatch" style={{ background: code.color }} aria-hidden="true" />
            <button type="button" className="code-name link-plain" title={label.retrieve} onClick={() => showPassages(code.id)}>
              {code.name}
            </button>
            <span className="count" title={t('codebook.counts', { codings: code.codingCount, documents: code.documentCount, cases: code.caseCount })}>
              {code.codingCount}
            </span>
            <span className="row-actions">
              <button type="button" className="icon" title={label.details} aria-label={`${label.details}: ${code.name}`} onClick={() => setEditing(code)}>
                ✎
              </button>
              <select
                className="merge"
                value=""
                aria-label={`${label.merge} ${code.name}`}
                title={label.merge}
                onFocus={() => setMergeFrom(code.id)}
                onPointerDown={() => setMergeFrom(code.id)}
                onChange={(e) => {
                  const target = rows.find((r) => r.code.id === Number(e.target.value))?.code;
                  if (target) setMerging({ source: code, target });
                }}
              >
                <option value="">⇢</option>
                {(allMergeOptions || mergeFrom === code.id) &&
                  rows
                    .filter((r) => r.code.id !== code.id)
                    .map((r) => (
                      <option key={r.code.id} value={r.code.id}>
                        {r.code.name}
                      </option>
                    ))}
              </select>
              <button
                type="button"
                className="icon"
                title={label.split}
                aria-label={`${label.split}: ${code.name}`}
                onClick={() => setSplitting({ code, name: t('codebook.splitName', { name: code.name }) })}
              >
                ⑂
              </button>
              <button type="button" className="icon" title={label.remove} aria-label={`${label.remove} ${code.name}`} onClick={() => void askDelete(code)}>
                ×
              </button>
            </span>
          </li>
        ))}
      </ul>
      <form className="add-code" onSubmit={add}>
        <input id="new-code-name" value={name} onChange={(e) => setName(e.target.value)} placeholder={t('codebook.addPlaceholder')} aria-label={t('codebook.addPlaceholder')} />
        <select value={parentId ?? ''} onChange={(e) => setParentId(e.target.value ? Number(e.target.value) : null)} aria-label={t('codebook.addChild')}>
          <option value="">—</option>
          {rows.map(({ code, depth }) => (
            <option key={code.id} value={code.id}>
              {'\u00a0'.repeat(depth * 2)}
              {code.name}
            </option>
          ))}
        </select>
        <button type="submit" disabled={!name.trim()}>
          {t('codebook.add')}
        </button>
      </form>
      <div className="codebook-files">
        <button type="button" className="link" onClick={() => void exportCodebook('csv')}>
          {t('codebook.exportCsv')}
        </button>
        <button type="button" className="link" onClick={() => void exportCodebook('md')}>
          {t('codebook.exportMd')}
        </button>
        <button type="button" className="link" onClick={() => fileInput.current?.click()}>
          {t('codebook.importFile')}
        </button>
        <input ref={fileInput} type="file" hidden accept=".csv,.md,.markdown" data-testid="codebook-input" onChange={(e) => void importCodebook(e.target.files?.[0])} />
        <button
          type="button"
          className="link"
          onClick={() => addStarter.mutate({ lang: i18n.resolvedLanguage === 'id' ? 'id' : 'en' }, { onSuccess: (r) => notify('info', t('codebook.imported', { created: r.created, updated: r.updated })), onError: fail })}
        >
          {t('codebook.starter')}
        </button>
      </div>
      {rows.length > 1 && <p className="hint small">{t('codebook.dragHint')}</p>}
      {splitting && (
        <div className="modal-backdrop">
          <form
            className="modal"
            role="dialog"
            aria-modal="true"
            aria-label={t('codebook.split')}
            onSubmit={(e) => {
              e.preventDefault();
              if (!splitting.name.trim()) return;
              split.mutate({ id: splitting.code.id, name: splitting.name.trim() }, { onSuccess: () => setSplitting(null), onError: fail });
            }}
          >
            <label>
              {t('codebook.splitPrompt', { name: splitting.code.name })}
              <input autoFocus value={splitting.name} onChange={(e) => setSplitting({ ...splitting, name: e.target.value })} />
            </label>
            <div className="modal-actions">
              <button type="button" onClick={() => setSplitting(null)}>
                {t('common.cancel')}
              </button>
              <button type="submit" disabled={!splitting.name.trim()}>
                {t('codebook.split')}
              </button>
            </div>
          </form>
        </div>
      )}
      {editing && <CodeDetailsDialog code={editing} onClose={() => setEditing(null)} />}
      {merging && (
        <ConfirmDialog
          message={t('codebook.mergeConfirm', { source: merging.source.name, target: merging.target.name, count: merging.source.codingCount })}
          confirmLabel={t('codebook.mergeAction')}
          onCancel={() => setMerging(null)}
          onConfirm={() => {
            merge.mutate({ sourceId: merging.source.id, targetId: merging.target.id }, { onError: fail });
            setMerging(null);
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          message={t('codebook.deleteConfirm', { name: deleting.code.name, codings: deleting.codings, documents: deleting.documents, children: deleting.children })}
          confirmLabel={t('common.delete')}
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            remove.mutate({ id: deleting.code.id }, { onError: fail });
            setDeleting(null);
          }}
        />
      )}
    </section>
  );
});
