/**
 * Margin stripes for codings: each coding gets the lowest lane free where it
 * starts, so overlapping and nested codings sit side by side and the margin is
 * only as wide as the deepest overlap.
 */
export interface LaneSpan {
  id: number;
  start: number;
  end: number;
}

export function assignLanes(spans: readonly LaneSpan[]): { lanes: Map<number, number>; count: number } {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end || a.id - b.id);
  const laneEnds: number[] = [];
  const lanes = new Map<number, number>();
  for (const span of sorted) {
    let lane = laneEnds.findIndex((end) => end <= span.start);
    if (lane < 0) lane = laneEnds.length;
    laneEnds[lane] = span.end;
    lanes.set(span.id, lane);
  }
  return { lanes, count: laneEnds.length };
}
