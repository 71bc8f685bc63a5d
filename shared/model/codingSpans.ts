/**
 * A document's codings as the document view holds them, in the order the
 * server sends them (start, end, id): a new or removed coding is folded into
 * that list instead of the list being fetched again.
 */
import type { Coding, CodingSpan } from './types';

export function spanOf(coding: Coding): CodingSpan {
  return { id: coding.id, codeId: coding.codeId, start: coding.start, end: coding.end, coder: coding.coder, memo: coding.memo, keyQuote: coding.keyQuote };
}

const before = (a: CodingSpan, b: CodingSpan) => a.start - b.start || a.end - b.end || a.id - b.id;

/** The list with these spans added in order (a span already there by id is replaced). */
export function withSpans(spans: readonly CodingSpan[], added: readonly CodingSpan[]): CodingSpan[] {
  const ids = new Set(added.map((s) => s.id));
  const out = spans.filter((s) => !ids.has(s.id));
  for (const span of [...added].sort(before)) {
    // Binary search for the first span that sorts after the new one.
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(out[mid]!, span) <= 0) lo = mid + 1;
      else hi = mid;
    }
    out.splice(lo, 0, span);
  }
  return out;
}

export function withoutSpans(spans: readonly CodingSpan[], ids: ReadonlySet<number>): CodingSpan[] {
  return spans.filter((s) => !ids.has(s.id));
}
