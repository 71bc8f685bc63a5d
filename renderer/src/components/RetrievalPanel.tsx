import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RetrievedPassage } from '../../../shared/model/types';
import { useRead, useReads } from '../api/queries';
import { useWorkspace } from '../app/workspace';
import { DRAWN_WHOLE, InContext, PassageList, WindowedPassageList, type PassageItem } from './AnalysisPanel';
import { KeyQuoteToggle } from './KeyQuoteToggle';

/** Passages come a window at a time: the first with the count, the others as they scroll into view. */
const WINDOW = DRAWN_WHOLE;

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
  const filter = { codeId: retrievalCodeId ?? 0, where, coder: coder || undefined };
  // The rows on screen, and so the windows they need: the first always (it brings the count), then those scrolled to.
  const [shown, setShown] = useState<[number, number]>([0, 0]);
  const onShown = useCallback((from: number, to: number) => setShown((was) => (was[0] === from && was[1] === to ? was : [from, to])), []);
  const needed: number[] = [];
  if (retrievalCodeId !== null) for (let w = 0; w <= Math.floor(shown[1] / WINDOW); w++) if (w === 0 || w >= Math.floor(shown[0] / WINDOW)) needed.push(w);
  const windows = useReads(
    'analysis.retrieveWindow',
    needed.map((w) => ({ ...filter, offset: w * WINDOW, limit: WINDOW })),
  );
  const first = windows[0];
  const passageAt = (index: number): RetrievedPassage | undefined => {
    const w = Math.floor(index / WINDOW);
    return windows[needed.indexOf(w)]?.data?.passages[index - w * WINDOW];
  };
  const toItem = (p: RetrievedPassage): PassageItem => ({
    key: String(p.codingId),
    document: p.document,
    source: [p.document, p.speaker, p.timestamp, p.cases.some((c) => c !== p.speaker) ? p.cases.join(', ') : null].filter(Boolean).join(' · '),
    body: <InContext context={p.context} text={p.text} />,
    open: () => openPassage(p.documentId, p.start, p.end),
    aside: <KeyQuoteToggle codingId={p.codingId} on={p.keyQuote} />,
  });
  const total = first?.data?.total;

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
          <p className="hint result-count">{total !== undefined && (total ? t('retrieval.count', { count: total }) : t('retrieval.none'))}</p>
          {total !== undefined && total <= WINDOW && <PassageList title={t('retrieval.open')} items={first!.data!.passages.map(toItem)} />}
          {total !== undefined && total > WINDOW && (
            <WindowedPassageList
              // A new filter starts at the top of its own list.
              key={JSON.stringify(filter)}
              count={total}
              itemAt={(index) => {
                const passage = passageAt(index);
                return passage && toItem(passage);
              }}
              onShown={onShown}
              title={t('retrieval.open')}
            />
          )}
        </>
      )}
    </section>
  );
}
