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

/** `extraCuts` adds boundaries that carry no span, such as where speaker turns and their labels end. */
export function segmentText(length: number, spans: readonly Span[], extraCuts: readonly number[] = []): Segment[] {
  const cuts = new Set<number>([0, length]);
  for (const cut of extraCuts) if (cut > 0 && cut < length) cuts.add(cut);
  for (const span of spans) {
    cuts.add(Math.max(0, Math.min(length, span.start)));
    cuts.add(Math.max(0, Math.min(length, span.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (end <= start) continue;
    const spanIds = spans.filter((s) => s.start < end && s.end > start).map((s) => s.id);
    segments.push({ start, end, spanIds });
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
