import { describe, expect, it } from 'vitest';
import { countOverlapCooccurrence, rangesOverlap, type CodedSpan } from '../../shared/analysis/cooccurrence';

const span = (codeId: number, start: number, end: number, documentId = 1): CodedSpan => ({ documentId, codeId, start, end });
const pairs = (spans: CodedSpan[]) =>
  countOverlapCooccurrence(spans)
    .map((p) => `${p.a}-${p.b}:${p.count}`)
    .sort();

describe('co-occurrence under the overlap rule', () => {
  it('counts nested codings', () => {
    expect(pairs([span(1, 0, 100), span(2, 10, 20)])).toEqual(['1-2:1']);
  });

  it('does not count codings that only touch', () => {
    expect(rangesOverlap({ start: 0, end: 10 }, { start: 10, end: 20 })).toBe(false);
    expect(pairs([span(1, 0, 10), span(2, 10, 20)])).toEqual([]);
  });

  it('counts codings that share a single character', () => {
    expect(pairs([span(1, 0, 11), span(2, 10, 20)])).toEqual(['1-2:1']);
  });

  it('counts identical ranges', () => {
    expect(pairs([span(1, 5, 9), span(2, 5, 9)])).toEqual(['1-2:1']);
  });

  it('never pairs codings of the same code', () => {
    expect(pairs([span(1, 0, 10), span(1, 5, 15)])).toEqual([]);
  });

  it('does not pair codings across documents', () => {
    expect(pairs([span(1, 0, 10, 1), span(2, 0, 10, 2)])).toEqual([]);
  });

  it('counts every overlapping pair of codings', () => {
    // A overlaps B twice (two B codings), B overlaps C once, A overlaps C once.
    expect(pairs([span(1, 0, 50), span(2, 10, 20), span(2, 30, 40), span(3, 35, 60)])).toEqual(['1-2:2', '1-3:1', '2-3:1']);
  });

  it('gives the same answer whatever order the codings come in', () => {
    const spans = [span(3, 35, 60), span(2, 30, 40), span(1, 0, 50), span(2, 10, 20), span(4, 0, 1, 2)];
    expect(pairs(spans)).toEqual(pairs([...spans].reverse()));
  });

  it('agrees with a brute-force count on random codings', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const spans: CodedSpan[] = Array.from({ length: 300 }, () => {
      const start = Math.floor(random() * 1000);
      return span(1 + Math.floor(random() * 6), start, start + 1 + Math.floor(random() * 80), 1 + Math.floor(random() * 3));
    });
    const brute = new Map<string, number>();
    for (let i = 0; i < spans.length; i++)
      for (let j = i + 1; j < spans.length; j++) {
        const x = spans[i]!;
        const y = spans[j]!;
        if (x.documentId !== y.documentId || x.codeId === y.codeId || !rangesOverlap(x, y)) continue;
        const key = `${Math.min(x.codeId, y.codeId)}-${Math.max(x.codeId, y.codeId)}`;
        brute.set(key, (brute.get(key) ?? 0) + 1);
      }
    expect(pairs(spans)).toEqual([...brute].map(([k, n]) => `${k}:${n}`).sort());
  });
});
