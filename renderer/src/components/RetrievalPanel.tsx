import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRead } from '../api/queries';
import { useWorkspace } from '../app/workspace';
import { InContext, PassageList } from './AnalysisPanel';
import { KeyQuoteToggle } from './KeyQuoteToggle';

/** The passages of one code, with where each comes from; filter by case attribute or coder. */
export function RetrievalPanel() {
  const { t } = useTranslation();
  const { retrievalCodeId, showPassages, openPassage } = useWorkspace();
  const codes = useRead('codes.list', {});
  const cases = useRead('cases.list', {});
  const coders = useRead('coders.list', {});
  const [attribute, setAttribute] = useState('');
  const [coder, setCoder] = useState('');
  const where = attribute ? (JSON.parse(attribute) as Record<string, string>) : undefined;
  const passages = useRead('analysis.retrieve', { codeId: retrievalCodeId ?? 0, where, coder: coder || undefined }, { enabled: retrievalCodeId !== null });

  const attributeOptions = [...new Set((cases.data ?? []).flatMap((c) => Object.entries(c.attributes).map(([name, value]) => JSON.stringify({ [name]: value }))))].sort();

  return (
    <section className="panel retrieval" aria-label={t('analysis.passages')}>
      <div className="filters">
        <select aria-label={t('retrieval.code')} value={retrievalCodeId ?? ''} onChange={(e) => e.target.value && showPassages(Number(e.target.value))}>
          <option value="">{t('retrieval.code')}…</option>
          {codes.data?.map((code) => (
            <option key={code.id} value={code.id}>
              {code.name}
            </option>
          ))}
        </select>
        <select aria-label={t('retrieval.filter')} value={attribute} onChange={(e) => setAttribute(e.target.value)}>
          <option value="">{t('retrieval.allCases')}</option>
          {attributeOptions.map((option) => {
            const [[name, value]] = Object.entries(JSON.parse(option) as Record<string, string>) as [[string, string]];
            return (
              <option key={option} value={option}>
                {name} = {value}
              </option>
            );
          })}
        </select>
        <select aria-label={t('retrieval.coder')} value={coder} onChange={(e) => setCoder(e.target.value)}>
          <option value="">{t('retrieval.allCoders')}</option>
          {coders.data?.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </div>
      {retrievalCodeId === null ? (
        <p className="hint">{t('retrieval.chooseCode')}</p>
      ) : (
        <>
          <p className="hint result-count">{passages.data && (passages.data.length ? t('retrieval.count', { count: passages.data.length }) : t('retrieval.none'))}</p>
          <PassageList
            title={t('retrieval.open')}
            items={(passages.data ?? []).map((p) => ({
              key: String(p.codingId),
              document: p.document,
              source: [p.document, p.speaker, p.timestamp, p.cases.some((c) => c !== p.speaker) ? p.cases.join(', ') : null].filter(Boolean).join(' · '),
              body: <InContext context={p.context} text={p.text} />,
              open: () => openPassage(p.documentId, p.start, p.end),
              aside: <KeyQuoteToggle codingId={p.codingId} on={p.keyQuote} />,
            }))}
          />
        </>
      )}
    </section>
  );
}
