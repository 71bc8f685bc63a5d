import { describe, expect, it } from 'vitest';
import { withSpans, withoutSpans } from '../../shared/model/codingSpans';
import type { CodingSpan } from '../../shared/model/types';
import { rng } from '../helpers/random';

const span = (id: number, start: number, end: number): CodingSpan => ({ id, codeId: 1, start, end, coder: 'Ayu', memo: null, keyQuote: false });
const order = (list: readonly CodingSpan[]) => [...list].sort((a, b) => a.start - b.start || a.end - b.end || a.id - b.id);

describe('a document’s coding spans folded in place', () => {
  it('inserts new spans where the server would list them, whatever the order they come in', () => {
    const random = rng(7);
    const base = order(Array.from({ length: 200 }, (_, i) => { const start = Math.floor(random() * 500); return span(i + 1, start, start + 1 + Math.floor(random() * 40)); }));
    const added = Array.from({ length: 30 }, (_, i) => { const start = Math.floor(random() * 500); return span(1000 + i, start, start + 5); });
    expect(withSpans(base, added)).toEqual(order([...base, ...added]));
    expect(withSpans([], [span(2, 5, 9), span(1, 5, 9)])).toEqual([span(1, 5, 9), span(2, 5, 9)]);
  });

  it('replaces a span it already holds, and removes by id', () => {
    const list = [span(1, 0, 5), span(2, 3, 8)];
    expect(withSpans(list, [{ ...span(1, 0, 5), memo: 'note' }])).toEqual([{ ...span(1, 0, 5), memo: 'note' }, span(2, 3, 8)]);
    expect(withoutSpans(list, new Set([1]))).toEqual([span(2, 3, 8)]);
  });
});
