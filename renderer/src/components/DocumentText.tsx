import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type DragEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Code, CodingSpan } from '../../../shared/model/types';
import { blockAt, type TextBlock } from '../../../shared/text/blocks';
import type { DocumentLayout } from '../../../shared/text/documentLayout';
import { turnPart, type Segment, type TurnRange } from '../../../shared/text/segments';
import { CODE_DRAG_TYPE } from '../app/codeDrag';
import { StripePlacer } from './stripePlacement';

/** Span id of the selection waiting for a code; codings have positive ids. */
export const PENDING = -1;

const LANE_WIDTH = 6;
const LINE_HEIGHT = 28.5;
const CHARS_PER_LINE = 85;

export interface DocumentTextProps {
  text: string;
  layout: DocumentLayout;
  turns: TurnRange[];
  /** Codings on screen (after the coder filter), by id, with UTF-16 offsets. */
  codings: Map<number, CodingSpan & { from: number; to: number }>;
  codeById: Map<number, Code>;
  selectedCodingId: number | null;
  /** A UTF-16 offset to bring into view; changes of `nonce` scroll again. */
  scrollTarget: { offset: number; nonce: number } | null;
  onSelectionEnd(root: HTMLElement): void;
  onPickCoding(id: number): void;
  onDropCode(codeId: number): void;
}

/**
 * The transcript, virtualised: only the blocks near the viewport are in the
 * page, so a 100,000-word interview opens as fast as a short one. Each block
 * draws its own highlights and the margin stripes of the codings crossing it.
 */
export function DocumentText(props: DocumentTextProps) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [dropping, setDropping] = useState(false);
  const { blocks } = props.layout;
  const gutter = Math.max(1, props.layout.laneCount) * LANE_WIDTH + 6;

  const virtualizer = useVirtualizer({
    count: blocks.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => Math.max(1, Math.ceil((blocks[i]!.end - blocks[i]!.start) / CHARS_PER_LINE)) * LINE_HEIGHT,
    overscan: 6,
    paddingStart: 16,
    paddingEnd: 64,
  });

  const target = props.scrollTarget;
  useEffect(() => {
    if (target) virtualizer.scrollToIndex(blockAt(blocks, target.offset), { align: 'center' });
    // Only a new target scrolls; re-layouts of the same document must not.
  }, [target?.nonce, target?.offset]);

  // One translation per code, not one per stripe drawn.
  const stripeLabels = useMemo(() => new Map([...props.codeById.values()].map((c) => [c.id, t('document.stripe', { code: c.name })])), [props.codeById, t]);
  const memoNote = t('document.hasMemo');
  const acceptsCode = (event: DragEvent) => event.dataTransfer.types.includes(CODE_DRAG_TYPE);
  const items = virtualizer.getVirtualItems();

  const [placer] = useState(() => new StripePlacer());
  useEffect(() => () => placer.disconnect(), [placer]);
  // After every commit, once the blocks' layout effects have queued themselves.
  useLayoutEffect(() => placer.flush());

  return (
    <div
      ref={scrollRef}
      className={dropping ? 'doc-text dropping' : 'doc-text'}
      data-testid="document-text"
      onMouseUp={(e) => props.onSelectionEnd(e.currentTarget)}
      onKeyUp={(e) => props.onSelectionEnd(e.currentTarget)}
      onDragOver={(e) => {
        if (!acceptsCode(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setDropping(true);
      }}
      onDragLeave={(e) => e.currentTarget === e.target && setDropping(false)}
      onDrop={(e) => {
        if (!acceptsCode(e)) return;
        e.preventDefault();
        e.stopPropagation();
        setDropping(false);
        props.onDropCode(Number(e.dataTransfer.getData(CODE_DRAG_TYPE)));
      }}
      aria-label={t('document.codings')}
    >
      {dropping && <div className="drop-code-hint">{t('document.dropHere')}</div>}
      <div className="doc-canvas" style={{ height: virtualizer.getTotalSize() }}>
        <div className="doc-window" style={{ transform: `translateY(${items[0]?.start ?? 0}px)` }}>
          {items.map((item) => {
            const { segments, stripes } = props.layout.block(item.index);
            return (
              <Block
                key={item.key}
                ref={virtualizer.measureElement}
                index={item.index}
                block={blocks[item.index]!}
                segments={segments}
                spanIds={stripes}
                gutter={gutter}
                stripeLabels={stripeLabels}
                memoNote={memoNote}
                placer={placer}
                {...props}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

interface BlockProps extends DocumentTextProps {
  ref: Ref<HTMLDivElement>;
  index: number;
  block: TextBlock;
  segments: Segment[];
  spanIds: number[];
  gutter: number;
  stripeLabels: Map<number, string>;
  memoNote: string;
  placer: StripePlacer;
}

const Block = memo(function Block({ ref, index, block, segments, spanIds, gutter, stripeLabels, memoNote, placer, text, turns, codings, codeById, layout, selectedCodingId, onPickCoding }: BlockProps) {
  const textRef = useRef<HTMLDivElement>(null);
  const gutterRef = useRef<HTMLDivElement>(null);
  usePlaceStripes(placer, textRef, gutterRef, block, spanIds, codings);
  const turn = turns.find((candidate) => candidate.start <= block.start && block.start < candidate.end);
  const rowClass = ['doc-block', turn?.start === block.start ? 'turn-start' : '', turn?.isInterviewer ? 'interviewer-turn' : ''].filter(Boolean).join(' ');

  return (
    <div ref={ref} data-index={index} className={rowClass} data-row-start={block.start} style={{ gridTemplateColumns: `${gutter}px 1fr` }}>
      <div ref={gutterRef} className="gutter" aria-hidden={spanIds.length === 0}>
        {spanIds.map((id) => {
          const coding = codings.get(id);
          const code = coding && codeById.get(coding.codeId);
          if (!coding || !code) return null;
          return (
            <button
              key={id}
              type="button"
              className={[id === selectedCodingId ? 'stripe selected' : 'stripe', coding.memo ? 'has-memo' : ''].join(' ').trim()}
              style={{ left: (layout.lanes.get(id) ?? 0) * LANE_WIDTH, background: code.color }}
              data-id={id}
              title={coding.memo ? `${code.name} · ${memoNote}` : code.name}
              aria-label={stripeLabels.get(code.id)}
              data-code={code.name}
              onClick={() => onPickCoding(id)}
            />
          );
        })}
      </div>
      <div ref={textRef} className="block-text" data-block-start={block.start}>
        {segments.map((segment) => (
          <Run key={segment.start} segment={segment} piece={text.slice(segment.start, segment.end)} turns={turns} codings={codings} codeById={codeById} selectedCodingId={selectedCodingId} />
        ))}
      </div>
    </div>
  );
});

function Run(props: { segment: Segment; piece: string; turns: TurnRange[]; codings: DocumentTextProps['codings']; codeById: Map<number, Code>; selectedCodingId: number | null }) {
  const { segment, piece } = props;
  const part = turnPart(props.turns, segment.start);
  const classes = [
    part === 'label' ? 'speaker-label' : part === 'interviewer' ? 'interviewer-text' : '',
    segment.spanIds.includes(PENDING) ? 'pending' : '',
    props.selectedCodingId !== null && segment.spanIds.includes(props.selectedCodingId) ? 'selected-coding' : '',
  ]
    .filter(Boolean)
    .join(' ');
  // Codings whose code is not loaded yet (queries refetch one by one) are drawn once it is.
  const layers = segment.spanIds
    .filter((id) => id !== PENDING)
    .map((id) => props.codeById.get(props.codings.get(id)?.codeId ?? -1))
    .filter((c): c is Code => !!c);
  if (layers.length === 0) {
    return (
      <span className={classes || undefined} data-s={segment.start} data-e={segment.end}>
        {piece}
      </span>
    );
  }
  return (
    <mark
      className={`coded ${classes}`.trim()}
      data-s={segment.start}
      data-e={segment.end}
      data-codes={layers.map((c) => c.name).join('|')}
      title={layers.map((c) => c.name).join(' · ')}
      style={highlightStyle(layers)}
    >
      {piece}
    </mark>
  );
}

/** The innermost code tints the background; every code adds a line underneath, so overlaps stay readable. */
function highlightStyle(layers: Code[]): React.CSSProperties {
  const distinct = [...new Map(layers.map((c) => [c.id, c])).values()];
  const top = distinct[distinct.length - 1]!;
  return {
    backgroundColor: `color-mix(in srgb, ${top.color} 26%, transparent)`,
    boxShadow: distinct.map((c, i) => `inset 0 -${(i + 1) * 2}px 0 ${c.color}`).join(', '),
  };
}

function usePlaceStripes(
  placer: StripePlacer,
  textRef: React.RefObject<HTMLDivElement | null>,
  gutterRef: React.RefObject<HTMLDivElement | null>,
  block: TextBlock,
  spanIds: number[],
  codings: DocumentTextProps['codings'],
) {
  useLayoutEffect(() => {
    const text = textRef.current;
    const gutter = gutterRef.current;
    if (!text || !gutter || spanIds.length === 0) return;
    return placer.track({ text, gutter, start: block.start, end: block.end, ranges: codings });
  }, [placer, textRef, gutterRef, block, spanIds, codings]);
}
