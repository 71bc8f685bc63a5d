/**
 * Code co-occurrence under the overlap rule: two codes co-occur once for every
 * pair of their codings in the same document whose ranges share at least one
 * character. Ranges are half-open [start, end), so codings that only touch do
 * not overlap. Codings of the same code never pair with each other.
 */

export interface CodedSpan {
  documentId: number;
  codeId: number;
  start: number;
  end: number;
}

export interface CodePairCount {
  /** The smaller code id of the pair. */
  a: number;
  b: number;
  count: number;
}

export function rangesOverlap(x: { start: number; end: number }, y: { start: number; end: number }): boolean {
  return x.start < y.end && y.start < x.end;
}

/**
 * Sweep per document in start order, keeping only the codings still open at
 * the current start, so the cost is O(n log n + overlapping pairs) instead of
 * O(n²) over all codings.
 */
export function countOverlapCooccurrence(spans: readonly CodedSpan[]): CodePairCount[] {
  const byDocument = new Map<number, CodedSpan[]>();
  for (const span of spans) {
    const list = byDocument.get(span.documentId);
    if (list) list.push(span);
    else byDocument.set(span.documentId, [span]);
  }

  const counts = new Map<string, CodePairCount>();
  for (const list of byDocument.values()) {
    list.sort((x, y) => x.start - y.start || x.end - y.end);
    let open: CodedSpan[] = [];
    for (const span of list) {
      open = open.filter((other) => other.end > span.start);
      for (const other of open) {
        if (other.codeId === span.codeId) continue;
        const a = Math.min(other.codeId, span.codeId);
        const b = Math.max(other.codeId, span.codeId);
        const key = `${a}:${b}`;
        const entry = counts.get(key);
        if (entry) entry.count++;
        else counts.set(key, { a, b, count: 1 });
      }
      open.push(span);
    }
  }
  return [...counts.values()];
}
