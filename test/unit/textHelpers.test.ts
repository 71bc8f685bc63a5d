import { describe, expect, it } from 'vitest';
import { codePath, flattenCodeTree } from '../../shared/model/codeTree';
import type { Code } from '../../shared/model/types';
import { segmentText, turnPart } from '../../shared/text/segments';
import { trimRange } from '../../shared/text/selection';

describe('segmentText', () => {
  it('splits text at every coding boundary and lists the covering codings', () => {
    expect(segmentText(10, [{ id: 1, start: 2, end: 8 }, { id: 2, start: 5, end: 10 }])).toEqual([
      { start: 0, end: 2, spanIds: [] },
      { start: 2, end: 5, spanIds: [1] },
      { start: 5, end: 8, spanIds: [1, 2] },
      { start: 8, end: 10, spanIds: [2] },
    ]);
  });

  it('covers the whole text with no gaps when nothing is coded', () => {
    expect(segmentText(4, [])).toEqual([{ start: 0, end: 4, spanIds: [] }]);
  });
});

describe('turn parts', () => {
  const turns = [
    { start: 0, contentStart: 6, end: 20, isInterviewer: true },
    { start: 21, contentStart: 27, end: 40, isInterviewer: false },
  ];
  it('tells labels, interviewer text and participant text apart', () => {
    expect([0, 5, 6, 19, 20, 21, 26, 27, 39, 40].map((o) => turnPart(turns, o))).toEqual([
      'label', 'label', 'interviewer', 'interviewer', null, 'label', 'label', 'participant', 'participant', null,
    ]);
  });
  it('cuts segments at turn boundaries too', () => {
    expect(segmentText(10, [{ id: 1, start: 2, end: 8 }], [4]).map((s) => [s.start, s.end])).toEqual([
      [0, 2],
      [2, 4],
      [4, 8],
      [8, 10],
    ]);
  });
});

describe('trimRange', () => {
  it('drops white space at both ends of a selection', () => {
    expect(trimRange('  hello world \n', 0, 15)).toEqual({ start: 2, end: 13 });
  });
  it('returns null for a selection of only white space', () => {
    expect(trimRange('a   b', 1, 4)).toBeNull();
  });
});

describe('code tree', () => {
  const code = (id: number, name: string, parentId: number | null, position = 0): Code => ({
    id,
    uuid: `u${id}`,
    name,
    parentId,
    color: '#000000',
    description: '',
    inclusion: '',
    exclusion: '',
    example: '',
    atypical: '',
    memo: '',
    position,
    codingCount: 0,
    documentCount: 0,
    caseCount: 0,
  });
  const codes = [code(3, 'Stigma', 1, 1), code(1, 'Challenges', null), code(2, 'Income', 1, 0), code(4, 'Strategies', null, 1)];

  it('lists each code before its sub-codes, in position order', () => {
    expect(flattenCodeTree(codes).map((r) => `${r.depth}:${r.code.name}`)).toEqual(['0:Challenges', '1:Income', '1:Stigma', '0:Strategies']);
  });

  it('gives full paths', () => {
    expect(codePath(codes, codes[0]!)).toBe('Challenges/Stigma');
  });
});

describe('segmentText at scale', () => {
  it('agrees with the definition (covering spans per run, in the order given) on random spans', () => {
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const spans = Array.from({ length: 400 }, (_, i) => {
      const start = Math.floor(random() * 2000) - 10;
      return { id: i + 1, start, end: start + Math.floor(random() * 120) - 5 };
    });
    const segments = segmentText(2000, spans, [17, 900, 1999]);
    expect(segments[0]!.start).toBe(0);
    expect(segments[segments.length - 1]!.end).toBe(2000);
    for (const [i, segment] of segments.entries()) {
      if (i > 0) expect(segment.start).toBe(segments[i - 1]!.end);
      const covering = spans.filter((s) => Math.max(0, s.start) < segment.end && Math.min(2000, s.end) > segment.start && s.end > s.start).map((s) => s.id);
      expect(segment.spanIds).toEqual(covering);
    }
  });
});
