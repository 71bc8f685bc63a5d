/**
 * Krippendorff's α, following Krippendorff, K. (2011), "Computing
 * Krippendorff's Alpha-Reliability", Departmental Papers (ASC), University of
 * Pennsylvania, sections A–E.
 *
 * Only units with at least two values are pairable. Their values fill the
 * coincidence matrix
 *     o_ck = Σ_u (number of c–k pairs of values in unit u) / (m_u − 1)
 * with m_u the number of values in unit u; n_c = Σ_k o_ck and n = Σ_c n_c.
 * Then
 *     α = 1 − D_o / D_e = 1 − (n − 1) · Σ_c Σ_k o_ck δ²_ck / Σ_c Σ_k n_c n_k δ²_ck
 * with the difference function δ² of the level of measurement:
 *     nominal   δ²_ck = 0 if c = k, else 1
 *     ordinal   δ²_ck = (Σ_{g=c..k} n_g − (n_c + n_k) / 2)²   (categories in rank order)
 *     interval  δ²_ck = (c − k)²
 *     ratio     δ²_ck = ((c − k) / (c + k))²
 * Missing values are simply absent from their unit, as Krippendorff defines.
 */
import { categoriesOf, categoryCounts, type Ratings } from './ratings';

export type Level = 'nominal' | 'ordinal' | 'interval' | 'ratio';

/**
 * α from per-unit category counts; `numeric` gives each category's value for
 * interval and ratio data. `weights` says how many units share each count
 * vector (a million characters coded alike need not be listed one by one).
 */
export function alphaFromCounts(units: readonly (readonly number[])[], level: Level, numeric: readonly number[] | null, weights?: readonly number[]): number {
  const q = units[0]?.length ?? 0;
  const o = Array.from({ length: q }, () => new Array<number>(q).fill(0));
  units.forEach((counts, u) => {
    const m = counts.reduce((sum, n) => sum + n, 0);
    if (m < 2) return;
    const weight = weights?.[u] ?? 1;
    for (let c = 0; c < q; c++) {
      if (counts[c] === 0) continue;
      for (let k = 0; k < q; k++) o[c]![k]! += (weight * counts[c]! * (c === k ? counts[k]! - 1 : counts[k]!)) / (m - 1);
    }
  });
  const nc = o.map((row) => row.reduce((sum, v) => sum + v, 0));
  const n = nc.reduce((sum, v) => sum + v, 0);
  const delta = differenceFunction(level, nc, numeric);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < q; c++) {
    for (let k = 0; k < q; k++) {
      if (c === k) continue;
      const d = delta(c, k);
      observed += o[c]![k]! * d;
      expected += nc[c]! * nc[k]! * d;
    }
  }
  if (expected === 0) return observed === 0 && n > 0 ? 1 : Number.NaN;
  return 1 - ((n - 1) * observed) / expected;
}

function differenceFunction(level: Level, nc: readonly number[], numeric: readonly number[] | null): (c: number, k: number) => number {
  if (level === 'nominal') return () => 1;
  if (level === 'ordinal') {
    return (c, k) => {
      const [lo, hi] = c < k ? [c, k] : [k, c];
      let sum = 0;
      for (let g = lo; g <= hi; g++) sum += nc[g]!;
      return (sum - (nc[c]! + nc[k]!) / 2) ** 2;
    };
  }
  if (!numeric) throw new RangeError(`${level} data needs numbers`);
  if (level === 'interval') return (c, k) => (numeric[c]! - numeric[k]!) ** 2;
  return (c, k) => {
    const sum = numeric[c]! + numeric[k]!;
    return sum === 0 ? 0 : ((numeric[c]! - numeric[k]!) / sum) ** 2;
  };
}

export function krippendorffAlpha(ratings: Ratings, level: Level): number {
  const categories = categoriesOf(ratings);
  return alphaFromCounts(categoryCounts(ratings, categories), level, categories.numeric);
}
