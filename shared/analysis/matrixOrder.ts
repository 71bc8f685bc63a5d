/**
 * Orders for the co-occurrence heatmap: alphabetical, by frequency, or
 * clustered, where codes that co-occur strongly sit next to each other
 * (average-linkage agglomerative clustering on the pair values, read off as
 * the leaf order of the tree).
 */
export type MatrixOrder = 'name' | 'frequency' | 'cluster';

export interface MatrixPair {
  aId: number;
  bId: number;
  value: number;
}

export function orderCodes(ids: readonly number[], names: ReadonlyMap<number, string>, pairs: readonly MatrixPair[], order: MatrixOrder): number[] {
  const byName = [...ids].sort((a, b) => (names.get(a) ?? '').localeCompare(names.get(b) ?? ''));
  if (order === 'name') return byName;
  const value = new Map<string, number>();
  const total = new Map<number, number>();
  for (const p of pairs) {
    value.set(`${p.aId}:${p.bId}`, p.value);
    value.set(`${p.bId}:${p.aId}`, p.value);
    total.set(p.aId, (total.get(p.aId) ?? 0) + p.value);
    total.set(p.bId, (total.get(p.bId) ?? 0) + p.value);
  }
  if (order === 'frequency') return [...byName].sort((a, b) => (total.get(b) ?? 0) - (total.get(a) ?? 0));

  // Each cluster is a list of leaves; merge the two with the highest average pair value until one remains.
  let clusters = byName.map((id) => [id]);
  const link = (x: number[], y: number[]) => {
    let sum = 0;
    for (const a of x) for (const b of y) sum += value.get(`${a}:${b}`) ?? 0;
    return sum / (x.length * y.length);
  };
  while (clusters.length > 1) {
    let best = { i: 0, j: 1, score: -1 };
    for (let i = 0; i < clusters.length; i++) {
      for (let j = i + 1; j < clusters.length; j++) {
        const score = link(clusters[i]!, clusters[j]!);
        if (score > best.score) best = { i, j, score };
      }
    }
    const merged = [...clusters[best.i]!, ...clusters[best.j]!];
    clusters = [...clusters.filter((_, k) => k !== best.i && k !== best.j), merged];
    // Keep the merged cluster where the first of its parts was, so unrelated codes keep their order.
    clusters.splice(best.i, 0, clusters.pop()!);
  }
  return clusters[0] ?? [];
}
