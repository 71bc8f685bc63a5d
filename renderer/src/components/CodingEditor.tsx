import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { flattenCodeTree } from '../../../shared/model/codeTree';
import type { Code, CodingSpan } from '../../../shared/model/types';
import type { CodePointIndex } from '../../../shared/text/codepoints';
import { nudgeEdge } from '../../../shared/text/snap';
import { useWrite } from '../api/queries';
import { useNotices } from '../app/notices';
import { KeyQuoteToggle } from './KeyQuoteToggle';

/** The coding picked in the text or its margin: change its code, move its edges a word at a time, write its memo, delete it. */
export function CodingEditor(props: { coding: CodingSpan; codes: Code[]; text: string; index: CodePointIndex; onClose(): void }) {
  const { t } = useTranslation();
  const { fail } = useNotices();
  const update = useWrite('codings.update');
  const remove = useWrite('codings.delete');
  const { coding, index, text } = props;
  const [memo, setMemo] = useState(coding.memo ?? '');
  useEffect(() => setMemo(coding.memo ?? ''), [coding.id, coding.memo]);

  const range = { start: index.toUtf16(coding.start), end: index.toUtf16(coding.end) };
  const quote = text.slice(range.start, range.end);
  const nudge = (edge: 'start' | 'end', direction: 1 | -1) => {
    const next = nudgeEdge(text, range, edge, direction);
    if (next.start === range.start && next.end === range.end) return;
    update.mutate({ id: coding.id, start: index.toCodePoint(next.start), end: index.toCodePoint(next.end) }, { onError: fail });
  };

  return (
    <section className="coding-editor" aria-labelledby="coding-editor-heading">
      <h3 id="coding-editor-heading">{t('document.selected')}</h3>
      <label>
        {t('document.code')}
        <select value={coding.codeId} onChange={(e) => update.mutate({ id: coding.id, codeId: Number(e.target.value) }, { onError: fail })}>
          {flattenCodeTree(props.codes).map(({ code, depth }) => (
            <option key={code.id} value={code.id}>
              {'\u00a0\u00a0'.repeat(depth)}
              {code.name}
            </option>
          ))}
        </select>
      </label>
      <blockquote>{quote.length > 400 ? `${quote.slice(0, 400)}…` : quote}</blockquote>
      <div className="range-controls" role="group" aria-label={t('document.range')}>
        <span className="edge">{t('document.rangeStart')}</span>
        <button type="button" onClick={() => nudge('start', -1)} title={t('document.startEarlier')} aria-label={t('document.startEarlier')}>
          ⇤
        </button>
        <button type="button" onClick={() => nudge('start', 1)} title={t('document.startLater')} aria-label={t('document.startLater')}>
          ⇥
        </button>
        <span className="edge">{t('document.rangeEnd')}</span>
        <button type="button" onClick={() => nudge('end', -1)} title={t('document.endEarlier')} aria-label={t('document.endEarlier')}>
          ⇤
        </button>
        <button type="button" onClick={() => nudge('end', 1)} title={t('document.endLater')} aria-label={t('document.endLater')}>
          ⇥
        </button>
      </div>
      <p className="meta">
        <KeyQuoteToggle codingId={coding.id} on={coding.keyQuote} /> {coding.start}–{coding.end} · {t('document.by', { coder: coding.coder })}
      </p>
      <label>
        {t('document.codingMemo')}
        <textarea value={memo} rows={3} onChange={(e) => setMemo(e.target.value)} />
      </label>
      <div className="editor-actions">
        <button type="button" disabled={memo === (coding.memo ?? '')} onClick={() => update.mutate({ id: coding.id, memo: memo.trim() ? memo : null }, { onError: fail })}>
          {t('document.saveCodingMemo')}
        </button>
        <button type="button" className="danger" onClick={() => remove.mutate({ id: coding.id }, { onSuccess: props.onClose, onError: fail })}>
          {t('document.removeCoding')}
        </button>
        <button type="button" onClick={props.onClose}>
          {t('document.done')}
        </button>
      </div>
    </section>
  );
}
