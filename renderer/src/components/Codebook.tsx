import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { flattenCodeTree } from '../../../shared/model/codeTree';
import type { Code } from '../../../shared/model/types';
import { useRead, useWrite } from '../api/queries';
import { downloadText } from '../app/files';
import { useNotices } from '../app/notices';
import { useWorkspace } from '../app/workspace';
import { CodeDetailsDialog } from './CodeDetailsDialog';
import { ConfirmDialog } from './ConfirmDialog';

interface PendingDelete {
  code: Code;
  codings: number;
  documents: number;
  children: number;
}

export function Codebook() {
  const { t, i18n } = useTranslation();
  const { fail, notify } = useNotices();
  const { showPassages } = useWorkspace();
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
    importFile.mutate({ fileName: file.name, content: await file.text() }, { onSuccess: (r) => notify('info', t('codebook.imported', r)), onError: fail });
    if (fileInput.current) fileInput.current.value = '';
  };
  const codes = useRead('codes.list', {});
  const create = useWrite('codes.create');
  const remove = useWrite('codes.delete');
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState<number | null>(null);
  const [deleting, setDeleting] = useState<PendingDelete | null>(null);
  const [editing, setEditing] = useState<Code | null>(null);
  const [merging, setMerging] = useState<{ source: Code; target: Code } | null>(null);
  const merge = useWrite('codes.merge');
  const rows = flattenCodeTree(codes.data ?? []);

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
      <h2 id="codebook-heading">{t('codebook.heading')}</h2>
      {rows.length === 0 && <p className="hint">{t('codebook.empty')}</p>}
      <ul className="code-tree">
        {rows.map(({ code, depth }) => (
          <li key={code.id} style={{ paddingLeft: `${depth * 14}px` }} data-code={code.name} title={[code.description, code.inclusion && `+ ${code.inclusion}`, code.exclusion && `− ${code.exclusion}`, code.example && `“${code.example}”`, code.atypical && `~ “${code.atypical}”`].filter(Boolean).join('\n')}>
            <span className="swatch" style={{ background: code.color }} aria-hidden="true" />
            <button type="button" className="code-name link-plain" title={t('codebook.retrieve')} onClick={() => showPassages(code.id)}>
              {code.name}
            </button>
            <span className="count" title={t('codebook.counts', { codings: code.codingCount, documents: code.documentCount, cases: code.caseCount })}>
              {code.codingCount}
            </span>
            <span className="row-actions">
              <button type="button" className="icon" title={t('codebook.details')} aria-label={`${t('codebook.details')}: ${code.name}`} onClick={() => setEditing(code)}>
                ✎
              </button>
              <select
                className="merge"
                value=""
                aria-label={`${t('codebook.merge')} ${code.name}`}
                title={t('codebook.merge')}
                onChange={(e) => {
                  const target = rows.find((r) => r.code.id === Number(e.target.value))?.code;
                  if (target) setMerging({ source: code, target });
                }}
              >
                <option value="">⇢</option>
                {rows
                  .filter((r) => r.code.id !== code.id)
                  .map((r) => (
                    <option key={r.code.id} value={r.code.id}>
                      {r.code.name}
                    </option>
                  ))}
              </select>
              <button type="button" className="icon" title={t('codebook.delete')} aria-label={`${t('codebook.delete')} ${code.name}`} onClick={() => void askDelete(code)}>
                ×
              </button>
            </span>
          </li>
        ))}
      </ul>
      <form className="add-code" onSubmit={add}>
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder={t('codebook.addPlaceholder')} aria-label={t('codebook.addPlaceholder')} />
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
          onClick={() => addStarter.mutate({ lang: i18n.resolvedLanguage === 'id' ? 'id' : 'en' }, { onSuccess: (r) => notify('info', t('codebook.imported', r)), onError: fail })}
        >
          {t('codebook.starter')}
        </button>
      </div>
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
}
