/**
 * Arithmetic on sets of half-open ranges [start, end) within one document.
 * A range set is always normalised: sorted, non-empty, non-overlapping and
 * non-touching, so equal sets compare equal.
 */
export interface Range {
  start: number;
  end: number;
}

export function normalise(ranges: readonly Range[]): Range[] {
  const sorted = ranges.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ start: r.start, end: r.end });
  }
  return out;
}

export function union(a: readonly Range[], b: readonly Range[]): Range[] {
  return normalise([...a, ...b]);
}

export function intersect(a: readonly Range[], b: readonly Range[]): Range[] {
  const out: Range[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i]!.start, b[j]!.start);
    const end = Math.min(a[i]!.end, b[j]!.end);
    if (end > start) out.push({ start, end });
    if (a[i]!.end < b[j]!.end) i++;
    else j++;
  }
  return out;
}

export function subtract(a: readonly Range[], b: readonly Range[]): Range[] {
  const out: Range[] = [];
  let j = 0;
  for (const r of a) {
    let start = r.start;
    while (j < b.length && b[j]!.end <= start) j++;
    let k = j;
    while (k < b.length && b[k]!.start < r.end) {
      if (b[k]!.start > start) out.push({ start, end: b[k]!.start });
      start = Math.max(start, b[k]!.end);
      k++;
    }
    if (start < r.end) out.push({ start, end: r.end });
  }
  return out;
}

/** The ranges of `a` that lie within `distance` characters of some range of `b` (overlap is distance 0). */
export function near(a: readonly Range[], b: readonly Range[], distance: number): Range[] {
  return a.filter((r) => b.some((s) => s.start - r.end <= distance && r.start - s.end <= distance));
}

/** The ranges of `a` that share a turn with some range of `b` (both touching the same turn). */
export function sameTurn(a: readonly Range[], b: readonly Range[], turns: readonly Range[]): Range[] {
  const touches = (r: Range, t: Range) => r.start < t.end && t.start < r.end;
  return a.filter((r) => turns.some((t) => touches(r, t) && b.some((s) => touches(s, t))));
}

/** The range holding `offset`, in ranges sorted by start that do not overlap (speaker turns). */
export function rangeAt<T extends Range>(ranges: readonly T[], offset: number): T | undefined {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const range = ranges[mid]!;
    if (offset < range.start) hi = mid - 1;
    else if (offset >= range.end) lo = mid + 1;
    else return range;
  }
  return undefined;
}
