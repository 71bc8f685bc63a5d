/**
 * Splitting a text into runs that carry the same set of codings, so that
 * overlapping and nested codings can be drawn as layered highlights. Offsets
 * here are whatever unit the caller uses consistently (the renderer passes
 * UTF-16 offsets, because that is what the DOM counts).
 */

export interface Span {
  id: number;
  start: number;
  end: number;
}

export interface Segment {
  start: number;
  end: number;
  /** Ids of the spans covering this run, in the order the spans were given. */
  spanIds: number[];
}

/**
 * `extraCuts` adds boundaries that carry no span, such as where speaker turns
 * and their labels end. One sweep over the sorted boundaries keeps the set of
 * open spans, so the cost grows with spans plus boundaries, not their product
 * (a long transcript has thousands of each).
 */
export function segmentText(length: number, spans: readonly Span[], extraCuts: readonly number[] = []): Segment[] {
  const clamp = (n: number) => Math.max(0, Math.min(length, n));
  const opening = new Map<number, number[]>();
  const closing = new Map<number, number[]>();
  const cuts = new Set<number>([0, length]);
  for (const cut of extraCuts) if (cut > 0 && cut < length) cuts.add(cut);
  spans.forEach((span, order) => {
    const start = clamp(span.start);
    const end = clamp(span.end);
    if (end <= start) return;
    cuts.add(start);
    cuts.add(end);
    opening.set(start, [...(opening.get(start) ?? []), order]);
    closing.set(end, [...(closing.get(end) ?? []), order]);
  });
  const points = [...cuts].sort((a, b) => a - b);
  const open = new Set<number>();
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    for (const order of closing.get(start) ?? []) open.delete(order);
    for (const order of opening.get(start) ?? []) open.add(order);
    const end = points[i + 1]!;
    if (end <= start) continue;
    segments.push({ start, end, spanIds: [...open].sort((a, b) => a - b).map((order) => spans[order]!.id) });
  }
  return segments;
}

export interface TurnRange {
  start: number;
  contentStart: number;
  end: number;
  isInterviewer: boolean;
}

/** What part of a speaker turn an offset falls in, if any (turns sorted by start, not overlapping). */
export function turnPart(turns: readonly TurnRange[], offset: number): 'label' | 'interviewer' | 'participant' | null {
  let lo = 0;
  let hi = turns.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const turn = turns[mid]!;
    if (offset < turn.start) hi = mid - 1;
    else if (offset >= turn.end) lo = mid + 1;
    else return offset < turn.contentStart ? 'label' : turn.isInterviewer ? 'interviewer' : 'participant';
  }
  return null;
}
