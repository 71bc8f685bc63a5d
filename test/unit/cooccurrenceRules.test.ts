import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { cooccurrence, pairCodings, parseRule, ruleName, type CodingFact } from '../../shared/analysis/cooccurrence';
import { branchIds, filterFacts } from '../../shared/analysis/subset';
import { csvFromRows, toCsv } from '../../shared/csv/table';

let nextId = 1;
const fact = (codeId: number, start: number, end: number, more: Partial<CodingFact> = {}): CodingFact => ({
  id: nextId++,
  documentId: 1,
  codeId,
  start,
  end,
  coder: 'Ana',
  turnId: null,
  caseIds: [],
  ...more,
});
const table = (facts: CodingFact[], rule: string) =>
  Object.fromEntries(cooccurrence(facts, parseRule(rule)!).map((p) => [`${p.a}-${p.b}`, { count: p.count, n1: p.n1, n2: p.n2, c: Math.round(p.c * 1000) / 1000, uneven: p.uneven }]));

describe('co-occurrence rules and measures', () => {
  // Document 1: turns 10 (0–100) and 11 (100–200); document 2: turn 20. Cases: 7 speaks in 1, 8 in 2.
  const facts = [
    fact(1, 0, 20, { turnId: 10, caseIds: [7] }),
    fact(2, 10, 30, { turnId: 10, caseIds: [7] }),
    fact(2, 60, 70, { turnId: 10, caseIds: [7] }),
    fact(3, 150, 160, { turnId: 11, caseIds: [7] }),
    fact(1, 0, 10, { documentId: 2, turnId: 20, caseIds: [8] }),
    fact(3, 50, 60, { documentId: 2, turnId: 20, caseIds: [8] }),
  ];

  it('overlap counts pairs of overlapping codings, with c over codings', () => {
    expect(table(facts, 'overlap')).toEqual({ '1-2': { count: 1, n1: 2, n2: 2, c: 0.333, uneven: false } });
  });
  it('near:N counts pairs within N characters (a touching or overlapping pair is 0 apart)', () => {
    expect(Object.keys(table(facts, 'near:29'))).toEqual(['1-2']);
    expect(table(facts, 'near:39')['1-2']!.count).toBe(1);
    expect(table(facts, 'near:40')['1-2']!.count).toBe(2);
    expect(table(facts, 'near:40')['1-3']!.count).toBe(1);
    expect(table(facts, 'near:80')['2-3']!.count).toBe(1);
  });
  it('turn, document and case count the units holding both codes, and c is their Jaccard index', () => {
    expect(table(facts, 'turn')).toEqual({ '1-2': { count: 1, n1: 2, n2: 1, c: 0.5, uneven: false }, '1-3': { count: 1, n1: 2, n2: 2, c: 0.333, uneven: false } });
    expect(table(facts, 'document')).toEqual({
      '1-2': { count: 1, n1: 2, n2: 1, c: 0.5, uneven: false },
      '1-3': { count: 2, n1: 2, n2: 2, c: 1, uneven: false },
      '2-3': { count: 1, n1: 1, n2: 2, c: 0.5, uneven: false },
    });
    expect(table(facts, 'case')).toEqual(table(facts, 'document'));
  });
  it('flags pairs whose frequencies differ more than five times', () => {
    const many = [fact(1, 0, 100), ...Array.from({ length: 6 }, (_, i) => fact(2, i * 10, i * 10 + 5))];
    expect(table(many, 'overlap')['1-2']).toEqual({ count: 6, n1: 1, n2: 6, c: 6, uneven: true });
    expect(table(many.slice(0, 6), 'overlap')['1-2']!.uneven).toBe(false);
  });
  it('lists the codings behind a pair, for each kind of rule', () => {
    const ids = (rule: string, a: number, b: number) => pairCodings(facts, parseRule(rule)!, a, b).map((f) => [f.codeId, f.start]);
    expect(ids('overlap', 1, 2)).toEqual([[1, 0], [2, 10]]);
    expect(ids('near:40', 1, 2)).toEqual([[1, 0], [2, 10], [2, 60]]);
    expect(ids('document', 1, 3)).toEqual([[1, 0], [3, 150], [1, 0], [3, 50]]);
    expect(ids('turn', 1, 3)).toEqual([[1, 0], [3, 50]]);
  });
  it('reads and names rules', () => {
    expect(parseRule('near:50')).toEqual({ kind: 'near', distance: 50 });
    expect(ruleName(parseRule('near:50')!)).toBe('near:50');
    expect(parseRule('near')).toBeNull();
    expect(parseRule('sentence')).toBeNull();
  });
});

describe('subsets', () => {
  const attributes = new Map([
    [7, { generation: 'Gen Z', platform: 'Grab' }],
    [8, { generation: 'Millennial', platform: 'Grab' }],
  ]);
  const codes = [
    { id: 1, parentId: null },
    { id: 2, parentId: 1 },
    { id: 3, parentId: 2 },
    { id: 4, parentId: null },
  ];
  const facts = [fact(2, 0, 5, { caseIds: [7] }), fact(3, 0, 5, { caseIds: [8], coder: 'Budi' }), fact(4, 0, 5, { caseIds: [7, 8], documentId: 2 })];
  it('keeps codings by attribute, document, coder and code branch', () => {
    expect(filterFacts(facts, { where: { generation: 'Gen Z' } }, attributes, codes).map((f) => f.codeId)).toEqual([2, 4]);
    expect(filterFacts(facts, { where: { generation: 'Gen Z', platform: 'Gojek' } }, attributes, codes)).toEqual([]);
    expect(filterFacts(facts, { documentIds: [2] }, attributes, codes).map((f) => f.codeId)).toEqual([4]);
    expect(filterFacts(facts, { coder: 'Budi' }, attributes, codes).map((f) => f.codeId)).toEqual([3]);
    expect(filterFacts(facts, { codeIds: [2] }, attributes, codes).map((f) => f.codeId)).toEqual([2, 3]);
    expect([...branchIds([1], codes)].sort()).toEqual([1, 2, 3]);
  });
});

describe('CSV tables', () => {
  const rows = [{ code: 'Stigma, "ojek"', quote: 'line one\nline two', c: 0.25, uneven: true }];
  it('round-trips commas, quotes and line breaks', () => {
    const parsed = Papa.parse<string[]>(toCsv(rows).trim(), { delimiter: ',' }).data;
    expect(parsed).toEqual([
      ['code', 'quote', 'c', 'uneven'],
      ['Stigma, "ojek"', 'line one\nline two', '0.25', '1'],
    ]);
  });
  it('writes a BOM, semicolons and decimal commas for Excel, never a decimal comma beside comma delimiters', () => {
    const excel = toCsv(rows, { bom: true, delimiter: ';', decimalComma: true });
    expect(excel.startsWith('\ufeffcode;quote;c;uneven\r\n')).toBe(true);
    expect(excel.endsWith('\r\n')).toBe(false);
    expect(excel).toContain(';0,25;1');
    expect(toCsv(rows, { decimalComma: true })).toContain(',0.25,1');
  });
  it('writes rows given as arrays exactly as the same rows given as records, and the header alone when there are none', () => {
    const records = Array.from({ length: 7 }, (_, i) => ({ n: i + 0.5, text: i % 2 ? `row ${i}, "quoted"\nnext` : ` padded ${i}`, flag: i % 3 === 0 }));
    const options = { delimiter: ';', decimalComma: true, bom: true } as const;
    expect(csvFromRows(['n', 'text', 'flag'], records.map((r) => [r.n, r.text, r.flag]), options)).toBe(toCsv(records, options));
    expect(csvFromRows(['n', 'text', 'flag'], [])).toBe('n,text,flag');
  });

});

describe('heatmap order', () => {
  it('orders by name, by total co-occurrence, or clusters codes that co-occur strongly', async () => {
    const { orderCodes } = await import('../../shared/analysis/matrixOrder');
    const names = new Map([
      [1, 'Apple'],
      [2, 'Banana'],
      [3, 'Cherry'],
      [4, 'Date'],
    ]);
    const pairs = [
      { aId: 1, bId: 3, value: 9 },
      { aId: 2, bId: 4, value: 8 },
      { aId: 1, bId: 2, value: 1 },
    ];
    expect(orderCodes([4, 3, 2, 1], names, pairs, 'name')).toEqual([1, 2, 3, 4]);
    // Totals 10, 9, 9, 8; the tie keeps name order.
    expect(orderCodes([4, 3, 2, 1], names, pairs, 'frequency')).toEqual([1, 2, 3, 4]);
    const clustered = orderCodes([1, 2, 3, 4], names, pairs, 'cluster');
    expect(Math.abs(clustered.indexOf(1) - clustered.indexOf(3))).toBe(1);
    expect(Math.abs(clustered.indexOf(2) - clustered.indexOf(4))).toBe(1);
    expect([...clustered].sort()).toEqual([1, 2, 3, 4]);
  });
});

describe('comparing two subsets', () => {
  it('lines up every pair of either subset with the difference, largest first', async () => {
    const { comparePairs } = await import('../../shared/analysis/compare');
    const genZ = [{ aId: 1, bId: 2, a: 'Income', b: 'Welfare', count: 3, c: 0.5 }];
    const millennial = [
      { aId: 2, bId: 1, a: 'Income', b: 'Welfare', count: 1, c: 0.2 },
      { aId: 1, bId: 3, a: 'Income', b: 'Stigma', count: 1, c: 0.1 },
    ];
    expect(comparePairs(genZ, millennial)).toEqual([
      { a: 'Income', b: 'Welfare', aId: 1, bId: 2, first: { count: 3, c: 0.5 }, second: { count: 1, c: 0.2 }, difference: { count: -2, c: -0.3 } },
      { a: 'Income', b: 'Stigma', aId: 1, bId: 3, first: { count: 0, c: 0 }, second: { count: 1, c: 0.1 }, difference: { count: 1, c: 0.1 } },
    ]);
  });
});

describe('what a chart shows of a large codebook', () => {
  it('keeps the codes that co-occur most and the pairs between them, and the strongest pairs for a table', async () => {
    const { strongestCodes, strongestPairs } = await import('../../shared/analysis/chartSubset');
    const pairs = [
      { aId: 1, bId: 2, count: 10 },
      { aId: 1, bId: 3, count: 1 },
      { aId: 3, bId: 4, count: 2 },
      { aId: 2, bId: 5, count: 3 },
    ];
    const count = (p: { count: number }) => p.count;
    // Totals: 1 → 11, 2 → 13, 3 → 3, 4 → 2, 5 → 3 (5 loses the tie with 3 to the lower id).
    expect(strongestCodes(pairs, count, 3)).toEqual({ codeIds: [2, 1, 3], pairs: [pairs[0], pairs[1]], codeCount: 5 });
    expect(strongestCodes(pairs, count, 5).pairs).toEqual(pairs);
    expect(strongestPairs(pairs, count, 2)).toEqual([pairs[0], pairs[3]]);
    expect(strongestPairs(pairs, count, 10)).toEqual(pairs);
  });

  it('leaves a heatmap of 500 codes at 50 of them, and orders those', async () => {
    const { strongestCodes } = await import('../../shared/analysis/chartSubset');
    const { orderCodes } = await import('../../shared/analysis/matrixOrder');
    const pairs: { aId: number; bId: number; value: number }[] = [];
    for (let a = 1; a <= 500; a++) for (let b = a + 1; b <= 500; b += 7) pairs.push({ aId: a, bId: b, value: (a * b) % 13 });
    const shown = strongestCodes(pairs, (p) => p.value);
    expect(shown.codeIds).toHaveLength(50);
    expect(shown.codeCount).toBe(500);
    expect(shown.pairs.every((p) => shown.codeIds.includes(p.aId) && shown.codeIds.includes(p.bId))).toBe(true);
    const names = new Map(shown.codeIds.map((id) => [id, `Code ${id}`]));
    expect(orderCodes(shown.codeIds, names, shown.pairs, 'cluster').sort((a, b) => a - b)).toEqual([...shown.codeIds].sort((a, b) => a - b));
  });
});
