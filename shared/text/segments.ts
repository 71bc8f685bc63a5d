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
 * (a long transcript has thousands of each). Runs between which no span opens
 * or closes share one `spanIds` array; treat it as read-only.
 */
export function segmentText(length: number, spans: readonly Span[], extraCuts: readonly number[] = []): Segment[] {
  const clamp = (n: number) => Math.max(0, Math.min(length, n));
  const starts: number[] = [];
  const ends: number[] = [];
  const live: number[] = [];
  spans.forEach((span, order) => {
    const start = clamp(span.start);
    const end = clamp(span.end);
    if (end <= start) return;
    starts[order] = start;
    ends[order] = end;
    live.push(order);
  });
  const byStart = [...live].sort((a, b) => starts[a]! - starts[b]!);
  const byEnd = [...live].sort((a, b) => ends[a]! - ends[b]!);
  const points = new Float64Array(2 + extraCuts.length + 2 * live.length);
  let n = 0;
  points[n++] = 0;
  points[n++] = length;
  for (const cut of extraCuts) if (cut > 0 && cut < length) points[n++] = cut;
  for (const order of live) {
    points[n++] = starts[order]!;
    points[n++] = ends[order]!;
  }
  const sorted = points.subarray(0, n).sort();

  const open: number[] = [];
  let ids: number[] = [];
  let opened = 0;
  let closed = 0;
  const segments: Segment[] = [];
  for (let i = 0; i < sorted.length - 1; i++) {
    const start = sorted[i]!;
    const end = sorted[i + 1]!;
    if (end === start) continue;
    let changed = false;
    while (closed < byEnd.length && ends[byEnd[closed]!]! <= start) {
      open.splice(open.indexOf(byEnd[closed++]!), 1);
      changed = true;
    }
    while (opened < byStart.length && starts[byStart[opened]!]! <= start) {
      const order = byStart[opened++]!;
      let at = open.length;
      while (at > 0 && open[at - 1]! > order) at--;
      open.splice(at, 0, order);
      changed = true;
    }
    if (changed) ids = open.map((order) => spans[order]!.id);
    segments.push({ start, end, spanIds: ids });
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
