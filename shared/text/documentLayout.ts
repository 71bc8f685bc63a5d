/**
 * What the virtualised document view needs to draw one block without
 * looking at the rest of the document: the block's runs of text with the
 * codings covering each run, and the codings that cross the block (for the
 * margin stripes) with their lane. Blocks and lanes are computed for the
 * whole document; a block's runs only when the block is drawn, so opening a
 * long transcript costs what its first screen costs. Offsets are UTF-16.
 */
import { assignLanes } from '../analysis/lanes';
import { textBlocks, type TextBlock } from './blocks';
import { segmentText, type Segment, type Span } from './segments';

export interface BlockLayout {
  /** The block's runs in order; runs never cross a block boundary. */
  segments: Segment[];
  /** The spans that touch the block and get a stripe, in start order. */
  stripes: number[];
}

export interface DocumentLayout {
  blocks: TextBlock[];
  lanes: Map<number, number>;
  laneCount: number;
  block(index: number): BlockLayout;
}

/** Spans longer than this are checked against every block rather than found by position. */
const LONG_SPAN = 20_000;

/** `laneless` spans (the pending selection) are drawn but get no stripe. */
export function layoutDocument(text: string, spans: readonly Span[], extraCuts: readonly number[], laneless: ReadonlySet<number> = new Set(), maxBlock?: number): DocumentLayout {
  const blocks = textBlocks(text, maxBlock);
  // `order` keeps the caller's span order, which decides how overlapping highlights stack.
  const valid = spans.map((s, order) => ({ ...s, order })).filter((s) => s.end > s.start);
  const byStart = valid.filter((s) => s.end - s.start <= LONG_SPAN).sort((a, b) => a.start - b.start || a.end - b.end);
  const long = valid.filter((s) => s.end - s.start > LONG_SPAN);
  const cuts = [...extraCuts].sort((a, b) => a - b);
  const { lanes, count } = assignLanes(valid.filter((s) => !laneless.has(s.id)));
  const cache = new Map<number, BlockLayout>();

  const block = (index: number): BlockLayout => {
    const cached = cache.get(index);
    if (cached) return cached;
    const { start, end } = blocks[index]!;
    const touching: typeof valid = [];
    // Short spans that touch the block start at most LONG_SPAN before it.
    for (let i = lowerBound(byStart, (s) => s.start >= start - LONG_SPAN); i < byStart.length && byStart[i]!.start < end; i++) {
      if (byStart[i]!.end > start) touching.push(byStart[i]!);
    }
    for (const s of long) if (s.start < end && s.end > start) touching.push(s);
    touching.sort((a, b) => a.order - b.order);
    const local = touching.map((s) => ({ id: s.id, start: Math.max(s.start, start) - start, end: Math.min(s.end, end) - start }));
    const localCuts: number[] = [];
    for (let i = lowerBound(cuts, (c) => c > start); i < cuts.length && cuts[i]! < end; i++) localCuts.push(cuts[i]! - start);
    const segments = segmentText(end - start, local, localCuts).map((s) => ({ ...s, start: s.start + start, end: s.end + start }));
    const stripes = touching
      .filter((s) => !laneless.has(s.id))
      .sort((a, b) => a.start - b.start || a.end - b.end)
      .map((s) => s.id);
    const layout = { segments, stripes };
    cache.set(index, layout);
    return layout;
  };

  return { blocks, lanes, laneCount: count, block };
}

/** The first index whose item satisfies `pred` (which must be false then true along the array). */
function lowerBound<T>(items: readonly T[], pred: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pred(items[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
