import { memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRead, useWrite } from '../api/queries';
import { useNotices } from '../app/notices';
import { useWorkspaceCommands } from '../app/workspace';
import { InContext, PassageList } from './AnalysisPanel';

const MIN_LENGTH = 2;
const DEBOUNCE_MS = 300;
/** The list is capped: a one-letter search in a large project must not flood memory. */
const LIMIT = 200;

/** Memoised: it re-renders on its own data, not whenever the workspace opens a document. */
export const SearchPanel = memo(function SearchPanel() {
  const { t } = useTranslation();
  const { notify, fail } = useNotices();
  const { openPassage } = useWorkspaceCommands();
  const [typed, setTyped] = useState('');
  const [terms, setTerms] = useState('');
  const [lang, setLang] = useState<'' | 'id' | 'en'>('');
  const [codeId, setCodeId] = useState('');
  const codes = useRead('codes.list', {});
  const codeAll = useWrite('codings.createMany');

  useEffect(() => {
    const timer = setTimeout(() => setTerms(typed.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [typed]);

  const active = terms.replace(/[^\p{L}\p{N}]/gu, '').length >= MIN_LENGTH;
  const hits = useRead('search.text', { terms, lang: lang || undefined, limit: LIMIT }, { enabled: active });

  return (
    <section className="panel search" aria-label={t('analysis.search')}>
      <div className="filters">
        <input type="search" value={typed} onChange={(e) => setTyped(e.target.value)} placeholder={t('search.placeholder')} aria-label={t('analysis.search')} />
        <select value={lang} onChange={(e) => setLang(e.target.value as typeof lang)} aria-label={t('search.language')}>
          <option value="">{t('search.both')}</option>
          <option value="id">Bahasa Indonesia</option>
          <option value="en">English</option>
        </select>
      </div>
      {active && hits.data && (
        <>
          <p className="hint result-count">
            {hits.data.length ? t('search.hits', { count: hits.data.length }) : t('search.none')}
            {hits.data.length >= LIMIT && ` ${t('search.capped', { count: LIMIT })}`}
          </p>
          {hits.data.length > 0 && (
            <div className="code-all">
              <span>{t('search.codeAll')}</span>
              <select value={codeId} onChange={(e) => setCodeId(e.target.value)} aria-label={t('search.codeAll')}>
                <option value="">—</option>
                {codes.data?.map((code) => (
                  <option key={code.id} value={code.id}>
                    {code.name}
                  </option>
                ))}
              </select>
              <button
                type="button"
                disabled={!codeId}
                onClick={() =>
                  codeAll.mutate(
                    { codeId: Number(codeId), passages: hits.data.map(({ documentId, start, end }) => ({ documentId, start, end })) },
                    { onSuccess: ({ created }) => notify('info', t('search.coded', { count: created })), onError: fail },
                  )
                }
              >
                {t('common.ok')}
              </button>
            </div>
          )}
          <PassageList
            items={hits.data.map((hit) => ({
              key: `${hit.documentId}:${hit.start}`,
              source: hit.document,
              body: <InContext context={hit.context} text={hit.text} />,
              open: () => openPassage(hit.documentId, hit.start, hit.end),
            }))}
          />
        </>
      )}
    </section>
  );
});
