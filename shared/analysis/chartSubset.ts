/**
 * What a co-occurrence chart can show legibly. A codebook of 500 codes has
 * up to 125,000 pairs: a heatmap of them all is a quarter of a million
 * cells, and its clustering (cubic in the codes) took the page minutes.
 * Charts show the codes that co-occur most, and tables the strongest pairs;
 * the dataset export keeps every pair.
 */

/** Codes a heatmap or network shows at most. */
export const chartCodeLimit = 50;
/** Pairs a table lists at most. */
export const tableRowLimit = 500;
/** Cases a code × case table shows at most: a thousand of them were 50,000 cells and six seconds to draw. */
export const matrixColumnLimit = 100;

interface Pair {
  aId: number;
  bId: number;
}

/** The `limit` codes with the largest sum of their pairs' values (ties to the lower id), and the pairs between two of them. */
export function strongestCodes<P extends Pair>(pairs: readonly P[], value: (pair: P) => number, limit = chartCodeLimit): { codeIds: number[]; pairs: P[]; codeCount: number } {
  const total = new Map<number, number>();
  for (const p of pairs) {
    total.set(p.aId, (total.get(p.aId) ?? 0) + value(p));
    total.set(p.bId, (total.get(p.bId) ?? 0) + value(p));
  }
  if (total.size <= limit) return { codeIds: [...total.keys()], pairs: [...pairs], codeCount: total.size };
  const codeIds = [...total.keys()].sort((a, b) => total.get(b)! - total.get(a)! || a - b).slice(0, limit);
  const kept = new Set(codeIds);
  return { codeIds, pairs: pairs.filter((p) => kept.has(p.aId) && kept.has(p.bId)), codeCount: total.size };
}

/** The `limit` pairs of largest value, largest first (ties keep their order). */
export function strongestPairs<P>(pairs: readonly P[], value: (pair: P) => number, limit = tableRowLimit): P[] {
  if (pairs.length <= limit) return [...pairs];
  return pairs
    .map((pair, at) => ({ pair, at, v: value(pair) }))
    .sort((x, y) => y.v - x.v || x.at - y.at)
    .slice(0, limit)
    .map(({ pair }) => pair);
}
