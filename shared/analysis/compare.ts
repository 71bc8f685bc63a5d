/**
 * Two subsets side by side (e.g. Gen Z and Millennials): every pair that
 * co-occurs in either, with its count and c in each, and the difference.
 */
export interface PairValues {
  aId: number;
  bId: number;
  a: string;
  b: string;
  count: number;
  c: number;
}

export interface PairComparison {
  a: string;
  b: string;
  aId: number;
  bId: number;
  first: { count: number; c: number };
  second: { count: number; c: number };
  /** second − first */
  difference: { count: number; c: number };
}

export function comparePairs(first: readonly PairValues[], second: readonly PairValues[]): PairComparison[] {
  const key = (p: PairValues) => `${Math.min(p.aId, p.bId)}:${Math.max(p.aId, p.bId)}`;
  const rows = new Map<string, PairComparison>();
  const zero = { count: 0, c: 0 };
  for (const [side, pairs] of [['first', first], ['second', second]] as const) {
    for (const p of pairs) {
      const row = rows.get(key(p)) ?? { a: p.a, b: p.b, aId: p.aId, bId: p.bId, first: zero, second: zero, difference: zero };
      row[side] = { count: p.count, c: p.c };
      rows.set(key(p), row);
    }
  }
  return [...rows.values()]
    .map((row) => ({ ...row, difference: { count: row.second.count - row.first.count, c: Math.round((row.second.c - row.first.c) * 10_000) / 10_000 } }))
    .sort((x, y) => Math.abs(y.difference.count) - Math.abs(x.difference.count) || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
}
