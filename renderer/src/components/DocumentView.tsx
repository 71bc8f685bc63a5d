import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Code, Coding } from '../../../shared/model/types';
import { CodePointIndex } from '../../../shared/text/codepoints';
import { segmentText, turnPart } from '../../../shared/text/segments';
import { trimRange } from '../../../shared/text/selection';
import { useRead, useWrite } from '../api/queries';
import { selectionOffsets } from '../app/domSelection';
import { useNotices } from '../app/notices';
import { QuickCode } from './QuickCode';
import { useWorkspace } from '../app/workspace';

/** Span id of the selection waiting for a code; codings have positive ids. */
const PENDING = -1;

interface PendingSelection {
  /** Code-point offsets, as the contract takes them. */
  start: number;
  end: number;
  preview: string;
}

export function DocumentView({ documentId }: { documentId: number }) {
  const { t, i18n } = useTranslation();
  const { fail } = useNotices();
  const doc = useRead('documents.get', { id: documentId });
  const allCodings = useRead('codings.list', { documentId });
  const turns = useRead('documents.turns', { documentId });
  const coders = useRead('coders.list', {});
  const [coder, setCoder] = useState('');
  // The coder filter only changes what is drawn; every coding stays in the project.
  const visibleCodings = useMemo(() => (allCodings.data ?? []).filter((c) => !coder || c.coder === coder), [allCodings.data, coder]);
  const codes = useRead('codes.list', {});
  const createCoding = useWrite('codings.create');
  const deleteCoding = useWrite('codings.delete');
  const inVivo = useWrite('codings.inVivo');
  const textRef = useRef<HTMLDivElement>(null);
  const [pending, setPending] = useState<PendingSelection | null>(null);
  const { focus } = useWorkspace();

  const text = doc.data?.text ?? '';
  const index = useMemo(() => new CodePointIndex(text), [text]);
  const codeById = useMemo(() => new Map((codes.data ?? []).map((c) => [c.id, c])), [codes.data]);
  const codingById = useMemo(() => new Map(visibleCodings.map((c) => [c.id, c])), [visibleCodings]);
  const turnRanges = useMemo(
    () =>
      (turns.data ?? []).map((turn) => ({
        start: index.toUtf16(turn.start),
        contentStart: index.toUtf16(turn.contentStart),
        end: index.toUtf16(turn.end),
        isInterviewer: turn.isInterviewer,
      })),
    [turns.data, index],
  );
  const segments = useMemo(
    () =>
      segmentText(
        text.length,
        [
          ...visibleCodings.map((c) => ({ id: c.id, start: index.toUtf16(c.start), end: index.toUtf16(c.end) })),
          // The passage waiting for a code stays marked while focus is in the quick-code box.
          ...(pending ? [{ id: PENDING, start: index.toUtf16(pending.start), end: index.toUtf16(pending.end) }] : []),
        ],
        turnRanges.flatMap((turn) => [turn.start, turn.contentStart, turn.end]),
      ),
    [text, index, visibleCodings, turnRanges, pending],
  );


  // A passage opened from retrieval or search arrives as the pending selection, ready to be coded.
  const scrollToPending = useRef(false);
  useEffect(() => {
    if (!focus || focus.documentId !== documentId || !text) return;
    const start = index.toUtf16(focus.start);
    const end = index.toUtf16(focus.end);
    scrollToPending.current = true;
    setPending({ start: focus.start, end: focus.end, preview: text.slice(start, end) });
  }, [focus, documentId, text, index]);
  useEffect(() => {
    if (!scrollToPending.current) return;
    scrollToPending.current = false;
    textRef.current?.querySelector('.pending')?.scrollIntoView({ block: 'center' });
  }, [segments]);

  const captureSelection = () => {
    const raw = textRef.current && selectionOffsets(textRef.current);
    const range = raw && trimRange(text, raw.start, raw.end);
    if (!range) return setPending(null);
    setPending({ start: index.toCodePoint(range.start), end: index.toCodePoint(range.end), preview: text.slice(range.start, range.end) });
  };

  const clearSelection = () => {
    window.getSelection()?.removeAllRanges();
    setPending(null);
  };

  const codeInVivo = () => {
    if (pending) inVivo.mutate({ documentId, start: pending.start, end: pending.end }, { onSuccess: clearSelection, onError: fail });
  };

  const applyCode = (code: Code) => {
    if (!pending) return;
    createCoding.mutate(
      { documentId, codeId: code.id, start: pending.start, end: pending.end },
      { onSuccess: clearSelection, onError: fail },
    );
  };

  if (!doc.data) return <p className="loading">{t('app.loading')}</p>;

  return (
    <div className="document-view">
      <header className="doc-header">
        <div className="doc-title">
          <h2>{doc.data.name}</h2>
          {(coders.data?.length ?? 0) > 1 && (
            <label className="coder-filter">
              {t('document.showCoder')}
              <select value={coder} onChange={(e) => setCoder(e.target.value)}>
                <option value="">{t('document.allCoders')}</option>
                {coders.data?.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
        <p className="doc-source">
          {t('document.source', { file: doc.data.sourceName, format: doc.data.format })} ·{' '}
          {t('document.details', { date: new Date(doc.data.importedAt).toLocaleString(i18n.resolvedLanguage) })}
          {Object.entries(doc.data.importDetails).map(([key, value]) => ` · ${key}: ${value}`)}
        </p>
      </header>
      <div className="doc-toolbar" aria-live="polite">
        {pending ? (
          <>
            <span className="selection-preview" title={pending.preview}>
              “{pending.preview.length > 80 ? `${pending.preview.slice(0, 80)}…` : pending.preview}”
            </span>
            {codes.data?.length ? (
              <QuickCode codes={codes.data} onApply={applyCode} onInVivo={codeInVivo} onCancel={() => setPending(null)} />
            ) : (
              <span className="hint">{t('document.noCodes')}</span>
            )}
          </>
        ) : (
          <span className="hint">{t('document.selectHint')}</span>
        )}
      </div>
      <div className="doc-body">
        <div className="doc-text" ref={textRef} onMouseUp={captureSelection} onKeyUp={captureSelection} data-testid="document-text">
          {segments.map((segment) => {
            const piece = text.slice(segment.start, segment.end);
            const part = turnPart(turnRanges, segment.start);
            const classes = [part === 'label' ? 'speaker-label' : part === 'interviewer' ? 'interviewer-text' : '', segment.spanIds.includes(PENDING) ? 'pending' : '']
              .filter(Boolean)
              .join(' ');
            // Codings whose code is not loaded yet (queries refetch one by one) are drawn once it is.
            const layers = segment.spanIds
              .filter((id) => id !== PENDING)
              .map((id) => codeById.get(codingById.get(id)?.codeId ?? -1))
              .filter((c): c is Code => !!c);
            if (layers.length === 0) {
              return (
                <span key={segment.start} className={classes || undefined}>
                  {piece}
                </span>
              );
            }
            return (
              <mark key={segment.start} className={`coded ${classes}`.trim()} data-codes={layers.map((c) => c.name).join('|')} title={layers.map((c) => c.name).join(' · ')} style={highlightStyle(layers)}>
                {piece}
              </mark>
            );
          })}
        </div>
        <CodingList codings={visibleCodings} codeById={codeById} text={text} index={index} onDelete={(id) => deleteCoding.mutate({ id }, { onError: fail })} />
      </div>
    </div>
  );
}

/**
 * The side list shows the first codings only: thousands of list items cost
 * seconds of layout, and retrieval lists every passage of a code anyway.
 */
const CODING_LIST_LIMIT = 200;

/** The innermost code tints the background; every code adds a stripe underneath, so overlaps stay readable. */
function highlightStyle(layers: Code[]): React.CSSProperties {
  const distinct = [...new Map(layers.map((c) => [c.id, c])).values()];
  const top = distinct[distinct.length - 1]!;
  return {
    backgroundColor: `color-mix(in srgb, ${top.color} 28%, transparent)`,
    boxShadow: distinct.map((c, i) => `inset 0 -${(i + 1) * 3}px 0 ${c.color}`).join(', '),
    paddingBottom: `${distinct.length * 3}px`,
  };
}

function CodingList(props: { codings: Coding[]; codeById: Map<number, Code>; text: string; index: CodePointIndex; onDelete(id: number): void }) {
  const { t } = useTranslation();
  return (
    <aside className="coding-list" aria-labelledby="codings-heading">
      <h3 id="codings-heading">{t('document.codings')}</h3>
      <ul>
        {props.codings.slice(0, CODING_LIST_LIMIT).map((coding) => {
          const code = props.codeById.get(coding.codeId);
          const quote = props.text.slice(props.index.toUtf16(coding.start), props.index.toUtf16(coding.end));
          return (
            <li key={coding.id} data-coding={code?.name}>
              <span className="chip small" style={{ borderColor: code?.color }}>
                <span className="swatch" style={{ background: code?.color }} aria-hidden="true" />
                {code?.name}
              </span>
              <q>{quote.length > 140 ? `${quote.slice(0, 140)}…` : quote}</q>
              <span className="meta">
                {coding.start}–{coding.end} · {t('document.by', { coder: coding.coder })}
              </span>
              <button type="button" className="icon" aria-label={t('document.removeCoding')} title={t('document.removeCoding')} onClick={() => props.onDelete(coding.id)}>
                ×
              </button>
            </li>
          );
        })}
      </ul>
      {props.codings.length > CODING_LIST_LIMIT && <p className="hint">{t('document.moreCodings', { count: props.codings.length - CODING_LIST_LIMIT })}</p>}
    </aside>
  );
}
