import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Code, CodingSpan } from '../../../shared/model/types';
import { CodePointIndex } from '../../../shared/text/codepoints';
import { layoutDocument } from '../../../shared/text/documentLayout';
import { snapRange, type SnapMode } from '../../../shared/text/snap';
import { useRead, useWrite } from '../api/queries';
import { useActions } from '../app/actions';
import { formatDateTime } from '../app/dates';
import { caretOffset, selectionOffsets } from '../app/domSelection';
import { useNotices } from '../app/notices';
import { useWorkspace } from '../app/workspace';
import { CodingEditor } from './CodingEditor';
import { DocumentMemo } from './DocumentMemo';
import { DocumentText, PENDING } from './DocumentText';
import { QuickCode } from './QuickCode';

interface PendingSelection {
  /** Code-point offsets, as the contract takes them. */
  start: number;
  end: number;
  preview: string;
}

const SNAP_KEY = 'tematik.snap';
const snapModes: SnapMode[] = ['word', 'sentence', 'turn'];
const storedSnap = (): SnapMode => {
  const stored = localStorage.getItem(SNAP_KEY);
  return snapModes.includes(stored as SnapMode) ? (stored as SnapMode) : 'word';
};

export function DocumentView({ documentId }: { documentId: number }) {
  const { t, i18n } = useTranslation();
  const { fail, notify } = useNotices();
  const doc = useRead('documents.get', { id: documentId });
  const allCodings = useRead('codings.spans', { documentId });
  const turns = useRead('documents.turns', { documentId });
  const codes = useRead('codes.list', {});
  const createCoding = useWrite('codings.create');
  const deleteCoding = useWrite('codings.delete');
  const inVivo = useWrite('codings.inVivo');
  const info = useRead('app.info', {});
  const [chosenCoder, setCoder] = useState('');
  const [blind, setBlind] = useState(() => localStorage.getItem('tematik.blind') === '1');
  const me = info.data?.project?.currentCoder ?? '';
  // Blind mode: while coding, only one's own codings are drawn, so another coder's choices cannot sway them.
  const coder = blind && me ? me : chosenCoder;
  const [pending, setPending] = useState<PendingSelection | null>(null);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [snap, setSnapState] = useState<SnapMode>(storedSnap);
  const { focus, recentCodeIds, noteCodeUsed } = useWorkspace();

  const text = doc.data?.text ?? '';
  const index = useMemo(() => new CodePointIndex(text), [text]);
  const codeById = useMemo(() => new Map((codes.data ?? []).map((c) => [c.id, c])), [codes.data]);
  // The coder filter only changes what is drawn; every coding stays in the project.
  const visible = useMemo(
    () => new Map((allCodings.data ?? []).filter((c) => !coder || c.coder === coder).map((c) => [c.id, { ...c, from: index.toUtf16(c.start), to: index.toUtf16(c.end) }])),
    [allCodings.data, coder, index],
  );
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
  const pendingRange = useMemo(() => pending && { from: index.toUtf16(pending.start), to: index.toUtf16(pending.end) }, [pending, index]);
  const layout = useMemo(
    () =>
      layoutDocument(
        text,
        [
          ...[...visible.values()].map((c) => ({ id: c.id, start: c.from, end: c.to })),
          // The passage waiting for a code stays marked while focus is in the quick-code box.
          ...(pendingRange ? [{ id: PENDING, start: pendingRange.from, end: pendingRange.to }] : []),
        ],
        turnRanges.flatMap((turn) => [turn.start, turn.contentStart, turn.end]),
        new Set([PENDING]),
      ),
    [text, visible, pendingRange, turnRanges],
  );

  // A passage opened from retrieval or search arrives as the pending selection, ready to be coded.
  const [scrollTarget, setScrollTarget] = useState<{ offset: number; nonce: number } | null>(null);
  useEffect(() => {
    if (!focus || focus.documentId !== documentId || !text) return;
    const start = index.toUtf16(focus.start);
    setPending({ start: focus.start, end: focus.end, preview: text.slice(start, index.toUtf16(focus.end)) });
    setScrollTarget({ offset: start, nonce: focus.nonce });
  }, [focus, documentId, text, index]);

  const selected = selectedId === null ? undefined : visible.get(selectedId);
  useEffect(() => {
    if (selectedId !== null && allCodings.data && !visible.has(selectedId)) setSelectedId(null);
  }, [selectedId, visible, allCodings.data]);

  const onSelectionEnd = (root: HTMLElement) => {
    const raw = selectionOffsets(root);
    const range = raw && snapRange(text, turnRanges, raw, snap);
    if (range) {
      setSelectedId(null);
      setPending({ start: index.toCodePoint(range.start), end: index.toCodePoint(range.end), preview: text.slice(range.start, range.end) });
      return;
    }
    setPending(null);
    // A click on a highlight picks the innermost coding under it.
    const at = caretOffset(root);
    if (at === null) return;
    const under = [...visible.values()].filter((c) => c.from <= at && at < c.to).sort((a, b) => a.to - a.from - (b.to - b.from));
    setSelectedId(under[0]?.id ?? null);
  };

  const clearSelection = () => {
    window.getSelection()?.removeAllRanges();
    setPending(null);
  };

  const applyCode = (code: Code) => {
    if (!pending) return notify('info', t('document.dropNeedsSelection'));
    createCoding.mutate(
      { documentId, codeId: code.id, start: pending.start, end: pending.end },
      {
        onSuccess: (coding) => {
          noteCodeUsed(code.id);
          clearSelection();
          setSelectedId(coding.id);
        },
        onError: fail,
      },
    );
  };

  const codeInVivo = () => {
    if (pending) inVivo.mutate({ documentId, start: pending.start, end: pending.end }, { onSuccess: clearSelection, onError: fail });
  };

  // `mutate` is stable where the mutation object is not: the actions below are registered once per change.
  const removeCoding = deleteCoding.mutate;
  const setSnap = (mode: SnapMode) => {
    localStorage.setItem(SNAP_KEY, mode);
    setSnapState(mode);
  };

  useActions(
    useMemo(
      () => [
        ...snapModes.map((mode) => ({
          id: `snap.${mode}`,
          label: t(`actions.snap${mode[0]!.toUpperCase()}${mode.slice(1)}`),
          run: () => setSnap(mode),
        })),
        {
          id: 'deleteCoding',
          label: t('actions.deleteCoding'),
          shortcuts: ['Delete'],
          disabled: selectedId === null,
          run: () => selectedId !== null && removeCoding({ id: selectedId }, { onSuccess: () => setSelectedId(null), onError: fail }),
        },
      ],
      [t, selectedId, removeCoding, fail],
    ),
  );

  // Drawing the text before its codings arrive would lay out a long document twice.
  if (!doc.data || !allCodings.data || !turns.data || !codes.data) return <p className="loading">{t('app.loading')}</p>;
  const recent = recentCodeIds.map((id) => codeById.get(id)).filter((c): c is Code => !!c);

  return (
    <div className="document-view">
      <header className="doc-header">
        <div className="doc-title">
          <h2>{doc.data.name}</h2>
          <CoderControls blind={blind} onBlind={setBlind} coder={coder} onCoder={setCoder} />
          <label className="snap-mode">
            {t('document.snap')}
            <select value={snap} onChange={(e) => setSnap(e.target.value as SnapMode)}>
              {snapModes.map((mode) => (
                <option key={mode} value={mode}>
                  {t(`document.snap${mode[0]!.toUpperCase()}${mode.slice(1)}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p className="doc-source">
          {t('document.source', { file: doc.data.sourceName, format: doc.data.format })} ·{' '}
          {t('document.details', { date: formatDateTime(doc.data.importedAt, i18n.resolvedLanguage ?? 'en') })}
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
              <QuickCode codes={codes.data} recent={recent} onApply={applyCode} onInVivo={codeInVivo} onCancel={() => setPending(null)} />
            ) : (
              <span className="hint">{t('document.noCodes')}</span>
            )}
          </>
        ) : (
          <span className="hint">{t('document.selectHint')}</span>
        )}
      </div>
      <div className="doc-body">
        <DocumentText
          text={text}
          layout={layout}
          turns={turnRanges}
          codings={visible}
          codeById={codeById}
          selectedCodingId={selectedId}
          scrollTarget={scrollTarget}
          onSelectionEnd={onSelectionEnd}
          onPickCoding={(id) => {
            setPending(null);
            setSelectedId(id);
          }}
          onDropCode={(codeId) => {
            const code = codeById.get(codeId);
            if (code) applyCode(code);
          }}
        />
        <aside className="doc-side">
          {selected && codes.data && <CodingEditor coding={selected} codes={codes.data} text={text} index={index} onClose={() => setSelectedId(null)} />}
          <DocumentMemo documentId={documentId} memo={doc.data.memo} />
          <CodingList codings={[...visible.values()]} codeById={codeById} text={text} selectedId={selectedId} onSelect={setSelectedId} onDelete={(id) => deleteCoding.mutate({ id }, { onError: fail })} />
        </aside>
      </div>
    </div>
  );
}

/**
 * Blind mode and the coder filter, shown once a project has a second coder.
 * The list of coders is read here, not by the document view: its arrival
 * then redraws these two controls rather than a long transcript.
 */
function CoderControls({ blind, onBlind, coder, onCoder }: { blind: boolean; onBlind(blind: boolean): void; coder: string; onCoder(coder: string): void }) {
  const { t } = useTranslation();
  const coders = useRead('coders.list', {});
  if ((coders.data?.length ?? 0) < 2) return null;
  return (
    <>
      <label className="check blind-mode">
        <input
          type="checkbox"
          checked={blind}
          onChange={(e) => {
            onBlind(e.target.checked);
            localStorage.setItem('tematik.blind', e.target.checked ? '1' : '0');
          }}
        />
        {t('document.blind')}
      </label>
      <label className="coder-filter">
        {t('document.showCoder')}
        <select value={coder} disabled={blind} onChange={(e) => onCoder(e.target.value)}>
          <option value="">{t('document.allCoders')}</option>
          {coders.data?.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}

function CodingList(props: {
  codings: (CodingSpan & { from: number; to: number })[];
  codeById: Map<number, Code>;
  text: string;
  selectedId: number | null;
  onSelect(id: number): void;
  onDelete(id: number): void;
}) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  // Every coding is listed, but only the rows in view are in the page.
  const virtualizer = useVirtualizer({ count: props.codings.length, getScrollElement: () => scrollRef.current, estimateSize: () => 84, overscan: 4 });
  const removeLabel = t('document.removeCoding');
  const items = virtualizer.getVirtualItems();
  return (
    <section className="coding-list" aria-labelledby="codings-heading">
      <h3 id="codings-heading">
        {t('document.codings')} ({props.codings.length})
      </h3>
      <div ref={scrollRef} className="coding-list-scroll">
        <div className="doc-canvas" style={{ height: virtualizer.getTotalSize() }}>
          <ul className="doc-window" style={{ transform: `translateY(${items[0]?.start ?? 0}px)` }}>
            {items.map((item) => {
              const coding = props.codings[item.index]!;
              const code = props.codeById.get(coding.codeId);
              const quote = props.text.slice(coding.from, Math.min(coding.to, coding.from + 141));
              return (
                <li key={coding.id} ref={virtualizer.measureElement} data-index={item.index} data-coding={code?.name} className={coding.id === props.selectedId ? 'selected' : undefined}>
                  <button type="button" className="chip small" style={{ borderColor: code?.color }} onClick={() => props.onSelect(coding.id)}>
                    <span className="swatch" style={{ background: code?.color }} aria-hidden="true" />
                    {code?.name}
                  </button>
                  <q>{quote.length > 140 ? `${quote.slice(0, 140)}…` : quote}</q>
                  {coding.memo && <p className="coding-memo">{coding.memo}</p>}
                  <span className="meta">
                    {coding.keyQuote && <span className="key-quote-mark" title={t('document.keyQuote')}>★ </span>}
                    {coding.start}–{coding.end} · {coding.coder}
                  </span>
                  <button type="button" className="icon" aria-label={removeLabel} title={removeLabel} onClick={() => props.onDelete(coding.id)}>
                    ×
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      </div>
    </section>
  );
}
