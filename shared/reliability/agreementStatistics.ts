/**
 * The chance-corrected agreement coefficients besides α, each with its
 * textbook definition. Categories are the distinct values observed (see
 * `categoriesOf`) unless a category count is given.
 */
import { categoriesOf, categoryCounts, presentValues, type Ratings } from './ratings';

export type Weights = 'none' | 'linear' | 'quadratic';

/**
 * Percent agreement: the share of units, among those with at least two
 * values, on which every coder present gave the same value; in percent.
 */
export function percentAgreement(ratings: Ratings): number {
  const units = presentValues(ratings, categoriesOf(ratings)).filter((values) => values.length >= 2);
  if (units.length === 0) return Number.NaN;
  return (100 * units.filter((values) => values.every((v) => v === values[0])).length) / units.length;
}

/**
 * Holsti's coefficient of reliability, CR = 2M / (N1 + N2) (Holsti 1969),
 * which with coders rating the same units is the share of units (coded by
 * both) they agree on; for more than two coders the mean over coder pairs.
 */
export function holsti(ratings: Ratings): number {
  const coders = ratings[0]?.length ?? 0;
  const pairs: number[] = [];
  for (let a = 0; a < coders; a++) {
    for (let b = a + 1; b < coders; b++) {
      const both = ratings.filter((row) => row[a] !== null && row[b] !== null);
      if (both.length) pairs.push(both.filter((row) => row[a] === row[b]).length / both.length);
    }
  }
  return pairs.length ? pairs.reduce((sum, p) => sum + p, 0) / pairs.length : Number.NaN;
}

function twoCoders(ratings: Ratings, statistic: string): { a: number; b: number }[] {
  if ((ratings[0]?.length ?? 0) !== 2) throw new RangeError(`${statistic} compares exactly two coders`);
  const categories = categoriesOf(ratings);
  return ratings.filter((row) => row[0] !== null && row[1] !== null).map((row) => ({ a: categories.index.get(row[0]!)!, b: categories.index.get(row[1]!)! }));
}

/**
 * Cohen's κ (Cohen 1960) and weighted κ_w (Cohen 1968) for two coders, over
 * the units both coded:
 *     κ_w = 1 − Σ v_ij p_ij / Σ v_ij p_i· p_·j
 * with disagreement weights v_ij = 1 for i ≠ j (unweighted), |i − j| / (q − 1)
 * (linear) or ((i − j) / (q − 1))² (quadratic), i and j being the categories'
 * ranks among the q categories observed. Unweighted, this is
 * (p_o − p_e) / (1 − p_e).
 */
export function cohenKappa(ratings: Ratings, weights: Weights = 'none'): number {
  const pairs = twoCoders(ratings, 'Cohen’s κ');
  const q = categoriesOf(ratings).values.length;
  const n = pairs.length;
  if (n === 0) return Number.NaN;
  const rows = new Array<number>(q).fill(0);
  const cols = new Array<number>(q).fill(0);
  const v = (i: number, j: number) => (weights === 'none' ? (i === j ? 0 : 1) : weights === 'linear' ? Math.abs(i - j) / Math.max(1, q - 1) : ((i - j) / Math.max(1, q - 1)) ** 2);
  let observed = 0;
  for (const { a, b } of pairs) {
    rows[a]!++;
    cols[b]!++;
    observed += v(a, b) / n;
  }
  let expected = 0;
  for (let i = 0; i < q; i++) for (let j = 0; j < q; j++) expected += (v(i, j) * rows[i]! * cols[j]!) / (n * n);
  if (expected === 0) return observed === 0 ? 1 : Number.NaN;
  return 1 - observed / expected;
}

/**
 * Scott's π (Scott 1955) for two coders: π = (p_o − p_e) / (1 − p_e) with
 * p_e = Σ_k ((n_1k + n_2k) / 2N)², the chance agreement of the pooled
 * distribution of both coders' values.
 */
export function scottPi(ratings: Ratings): number {
  const pairs = twoCoders(ratings, 'Scott’s π');
  const q = categoriesOf(ratings).values.length;
  const n = pairs.length;
  if (n === 0) return Number.NaN;
  const pooled = new Array<number>(q).fill(0);
  let agree = 0;
  for (const { a, b } of pairs) {
    pooled[a]!++;
    pooled[b]!++;
    if (a === b) agree++;
  }
  const pe = pooled.reduce((sum, c) => sum + (c / (2 * n)) ** 2, 0);
  const po = agree / n;
  return pe === 1 ? (po === 1 ? 1 : Number.NaN) : (po - pe) / (1 - pe);
}

/**
 * The mean pairwise agreement over units with at least two values (Fleiss'
 * P̄): P_i = Σ_j n_ij (n_ij − 1) / (n_i (n_i − 1)), with n_ij the coders who
 * put unit i in category j.
 */
function meanPairwiseAgreement(counts: readonly (readonly number[])[], weights?: readonly number[]): { pBar: number; units: (readonly number[])[]; unitWeights: number[] } {
  const kept = counts.map((row, u) => ({ row, weight: weights?.[u] ?? 1 })).filter(({ row, weight }) => weight > 0 && row.reduce((s, n) => s + n, 0) >= 2);
  const total = kept.reduce((s, k) => s + k.weight, 0);
  const pBar =
    kept.reduce((sum, { row, weight }) => {
      const m = row.reduce((s, n) => s + n, 0);
      return sum + (weight * row.reduce((s, n) => s + n * (n - 1), 0)) / (m * (m - 1));
    }, 0) / total;
  return { pBar, units: kept.map((k) => k.row), unitWeights: kept.map((k) => k.weight) };
}

/**
 * Fleiss' κ (Fleiss 1971): κ = (P̄ − P̄_e) / (1 − P̄_e) with P̄ the mean
 * pairwise agreement and P̄_e = Σ_j p_j², p_j the share of all values in
 * category j. Units missing some coders count with the coders they have
 * (at least two), the usual generalisation; with complete data it is
 * exactly Fleiss' statistic.
 */
export function fleissKappa(ratings: Ratings): number {
  return fleissFromCounts(categoryCounts(ratings, categoriesOf(ratings)));
}

/** Fleiss' κ from per-unit category counts, `weights` saying how many units share each count vector. */
export function fleissFromCounts(counts: readonly (readonly number[])[], weights?: readonly number[]): number {
  const { pBar, units, unitWeights } = meanPairwiseAgreement(counts, weights);
  if (units.length === 0) return Number.NaN;
  const q = units[0]!.length;
  const totals = new Array<number>(q).fill(0);
  units.forEach((row, u) => row.forEach((n, j) => (totals[j]! += unitWeights[u]! * n)));
  const all = totals.reduce((s, n) => s + n, 0);
  const pe = totals.reduce((s, n) => s + (n / all) ** 2, 0);
  return pe === 1 ? (pBar === 1 ? 1 : Number.NaN) : (pBar - pe) / (1 - pe);
}

/**
 * Brennan and Prediger's κ_n (1981): (P̄ − 1/q) / (1 − 1/q), chance agreement
 * being uniform over the q categories (those observed unless `categories`
 * says how many there are).
 */
export function brennanPrediger(ratings: Ratings, categories?: number): number {
  const observed = categoriesOf(ratings);
  const q = categories ?? observed.values.length;
  if (q < 2) return Number.NaN;
  const { pBar, units } = meanPairwiseAgreement(categoryCounts(ratings, observed));
  return units.length === 0 ? Number.NaN : (pBar - 1 / q) / (1 - 1 / q);
}
