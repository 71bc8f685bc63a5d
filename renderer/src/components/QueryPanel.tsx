import { memo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useRead, useWrite } from '../api/queries';
import { errorText, useNotices } from '../app/notices';
import { useWorkspaceCommands } from '../app/workspace';
import { PassageList } from './AnalysisPanel';

/** Boolean code queries; the passages found can become a code of their own. */
/** Memoised: it re-renders on its own data, not whenever the workspace opens a document. */
export const QueryPanel = memo(function QueryPanel() {
  const { t } = useTranslation();
  const { notify, fail } = useNotices();
  const { openPassage } = useWorkspaceCommands();
  const [typed, setTyped] = useState('');
  const [expression, setExpression] = useState('');
  const [name, setName] = useState('');
  const passages = useRead('analysis.query', { expression }, { enabled: expression !== '', inlineError: true });
  const save = useWrite('analysis.saveQueryAsCode');

  const run = (event: FormEvent) => {
    event.preventDefault();
    setExpression(typed.trim());
  };

  return (
    <section className="panel query" aria-label={t('analysis.query')}>
      <form className="filters" onSubmit={run}>
        <input value={typed} onChange={(e) => setTyped(e.target.value)} placeholder={t('query.placeholder')} aria-label={t('analysis.query')} />
        <button type="submit" disabled={!typed.trim()}>
          {t('query.run')}
        </button>
      </form>
      <p className="hint">{t('query.help')}</p>
      {passages.error && <p className="hint warn">{errorText(t, passages.error)}</p>}
      {passages.data && (
        <>
          <p className="hint result-count">{passages.data.length ? t('retrieval.count', { count: passages.data.length }) : t('retrieval.none')}</p>
          {passages.data.length > 0 && (
            <form
              className="code-all"
              onSubmit={(e) => {
                e.preventDefault();
                save.mutate(
                  { expression, name: name.trim() },
                  { onSuccess: (result) => notify('info', t('query.saved', { count: result.codings, name: result.code.name })), onError: fail },
                );
              }}
            >
              <input value={name} onChange={(e) => setName(e.target.value)} placeholder={t('query.saveName')} aria-label={t('query.saveAs')} />
              <button type="submit" disabled={!name.trim()}>
                {t('query.save')}
              </button>
            </form>
          )}
          <PassageList
            items={passages.data.map((p) => ({
              key: `${p.documentId}:${p.start}`,
              source: `${p.document} · ${p.start}–${p.end}`,
              body: <span className="context">{p.text}</span>,
              open: () => openPassage(p.documentId, p.start, p.end),
            }))}
          />
        </>
      )}
    </section>
  );
});
