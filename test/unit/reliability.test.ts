import { describe, expect, it } from 'vitest';
import { brennanPrediger, cohenKappa, fleissKappa, holsti, percentAgreement, scottPi } from '../../shared/reliability/agreementStatistics';
import { bootstrapCounts, bootstrapUnits } from '../../shared/reliability/bootstrap';
import { krippendorffAlpha } from '../../shared/reliability/krippendorff';
import { reliability, statistic } from '../../shared/reliability/metrics';
import type { Ratings } from '../../shared/reliability/ratings';
import { rng } from '../helpers/random';

/** Coders as rows (as the papers print them) turned into units × coders; '.' or '*' is missing. */
const byCoder = (...coders: string[]): Ratings => {
  const rows = coders.map((c) => c.trim().split(/\s+/).map((v) => (v === '.' || v === '*' ? null : v)));
  return rows[0]!.map((_, u) => rows.map((row) => row[u]!));
};

/** A contingency table of two coders (rows: first coder) as units. */
const fromTable = (table: number[][]): Ratings =>
  table.flatMap((row, i) => row.flatMap((n, j) => Array.from({ length: n }, () => [String(i + 1), String(j + 1)])));

/** Fleiss' form (per subject, how many raters chose each category) as units × raters. */
const fromCounts = (counts: number[][]): Ratings => counts.map((row) => row.flatMap((n, j) => Array.from({ length: n }, () => String(j + 1))));

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four observers, twelve units, missing values.
const krippendorffC = byCoder(
  '1 2 3 3 2 1 4 1 2 . . .',
  '1 2 3 3 2 2 4 1 2 5 . 3',
  '. 3 3 3 2 3 4 2 2 5 1 .',
  '1 2 3 3 2 4 4 1 2 5 1 .',
);
// The worked example of the Wikipedia article "Krippendorff's alpha": three coders, fifteen units.
const wikipedia = byCoder(
  '* * * * * 3 4 1 2 1 1 3 3 * 3',
  '1 * 2 1 3 3 4 3 * * * * * * *',
  '* * 2 1 3 4 4 * 2 1 1 3 3 * 4',
);
// Fleiss (1971), Table 1: psychiatric diagnoses of 30 patients by 6 raters (as distributed with R's irr and statsmodels).
const diagnoses = [
  [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5], [2, 2, 2, 4, 4, 4], [1, 1, 3, 3, 3, 3],
  [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4], [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5], [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4],
  [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5], [3, 3, 3, 3, 3, 5], [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2],
  [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5], [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4],
  [1, 4, 4, 4, 4, 5], [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4], [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5],
].map((row) => row.map(String));
// R irr's `anxiety` data (20 subjects, 3 raters), raters 2 and 3; irr's kappa2 gives the published values below.
const anxiety23 = byCoder('3 6 4 6 2 4 2 4 3 3 2 3 3 3 2 2 1 3 3 4', '2 1 4 4 3 2 1 6 1 1 1 2 3 3 1 1 3 3 2 2');

describe('Krippendorff’s α against published values', () => {
  it('matches Krippendorff (2011) C at every level of measurement: nominal .743, ordinal .815, interval .849, ratio .797', () => {
    expect(krippendorffAlpha(krippendorffC, 'nominal')).toBeCloseTo(0.743, 3);
    expect(krippendorffAlpha(krippendorffC, 'ordinal')).toBeCloseTo(0.815, 3);
    expect(krippendorffAlpha(krippendorffC, 'interval')).toBeCloseTo(0.849, 3);
    expect(krippendorffAlpha(krippendorffC, 'ratio')).toBeCloseTo(0.797, 3);
  });
  it('matches Krippendorff (2011) A, two coders and binary data: .095', () => {
    expect(krippendorffAlpha(byCoder('0 1 0 0 0 0 0 0 1 0', '1 1 1 0 0 1 0 0 0 0'), 'nominal')).toBeCloseTo(0.095, 3);
  });
  it('matches the Wikipedia example: nominal .691, interval .811', () => {
    expect(krippendorffAlpha(wikipedia, 'nominal')).toBeCloseTo(0.691, 3);
    expect(krippendorffAlpha(wikipedia, 'interval')).toBeCloseTo(0.811, 3);
  });
});

describe('κ and its relatives against published values', () => {
  it('gives Fleiss (1971) .430 on the psychiatric diagnoses, and .210 on the Wikipedia example', () => {
    expect(fleissKappa(diagnoses)).toBeCloseTo(0.4302445, 6);
    const wikipediaFleiss = [[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1], [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]];
    expect(fleissKappa(fromCounts(wikipediaFleiss))).toBeCloseTo(0.21, 3);
  });
  it('gives Cohen’s κ of a 2×2-style SAS example (.4842) and its linearly weighted κ (.4701)', () => {
    const table = fromTable([[0, 4, 1], [0, 8, 0], [0, 1, 5]]);
    expect(cohenKappa(table)).toBeCloseTo(0.4842, 4);
    expect(cohenKappa(table, 'linear')).toBeCloseTo(0.4701, 4);
  });
  it('matches R irr’s kappa2 on the anxiety data: unweighted, equal (linear) and squared (quadratic) weights', () => {
    expect(cohenKappa(anxiety23)).toBeCloseTo(-0.006289308, 6);
    expect(cohenKappa(anxiety23, 'linear')).toBeCloseTo(0.1459075, 6);
    expect(cohenKappa(anxiety23, 'quadratic')).toBeCloseTo(0.2520325, 6);
  });
  it('computes a hand-checked 2×2 Cohen example: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no gives κ = .4', () => {
    // p_o = 35/50 = .7; p_e = (25·30 + 25·20) / 50² = .5; κ = (.7 − .5) / .5 = .4
    expect(cohenKappa(fromTable([[20, 5], [10, 15]]))).toBeCloseTo(0.4, 10);
  });
  it('gives NVivo’s coding-comparison example 85 % agreement: 50 characters coded by both, 150 by one only, 800 by neither', () => {
    const units = fromTable([[50, 100], [50, 800]]);
    expect(percentAgreement(units)).toBeCloseTo(85, 10);
    expect(holsti(units)).toBeCloseTo(0.85, 10);
  });
  it('relates Scott’s π, Fleiss’ κ and α for two coders without missing values: π = Fleiss’ κ, α = 1 − (1 − π)(2N − 1)/2N', () => {
    const n = anxiety23.length;
    expect(scottPi(anxiety23)).toBeCloseTo(fleissKappa(anxiety23), 12);
    expect(krippendorffAlpha(anxiety23, 'nominal')).toBeCloseTo(1 - ((1 - scottPi(anxiety23)) * (2 * n - 1)) / (2 * n), 12);
  });
  it('computes Brennan–Prediger from the observed or a given number of categories', () => {
    const units = fromTable([[20, 5], [10, 15]]);
    expect(brennanPrediger(units)).toBeCloseTo((0.7 - 0.5) / 0.5, 10);
    expect(brennanPrediger(units, 4)).toBeCloseTo((0.7 - 0.25) / 0.75, 10);
  });
});

describe('properties every statistic keeps', () => {
  const random = rng(11);
  const randomRatings = (units: number, coders: number, missing: number): string[][] =>
    Array.from({ length: units }, () => Array.from({ length: coders }, () => (random() < missing ? null : String(1 + Math.floor(random() * 4))) as string));
  const all = ['percent', 'holsti', 'cohen', 'cohen-linear', 'cohen-quadratic', 'scott', 'fleiss', 'brennan-prediger', 'krippendorff'] as const;

  it('gives 1 for perfect agreement', () => {
    const perfect = Array.from({ length: 12 }, (_, u) => [String(u % 3), String(u % 3)]);
    for (const metric of all) expect(statistic(metric)(perfect), metric).toBeCloseTo(metric === 'percent' ? 100 : 1, 12);
  });
  it('does not change when the coders swap', () => {
    for (let trial = 0; trial < 20; trial++) {
      const data = randomRatings(30, 2, 0);
      const swapped = data.map(([a, b]) => [b!, a!]);
      for (const metric of all) expect(statistic(metric)(swapped), metric).toBeCloseTo(statistic(metric)(data), 12);
    }
  });
  it('ignores missing values as Krippendorff defines: a unit with one value, or none, adds nothing to α', () => {
    const data = randomRatings(25, 3, 0.2);
    const padded = [...data, ['2', null, null], [null, null, null]] as Ratings;
    for (const level of ['nominal', 'ordinal', 'interval', 'ratio'] as const) expect(krippendorffAlpha(padded, level)).toBeCloseTo(krippendorffAlpha(data, level), 12);
    expect(fleissKappa(padded)).toBeCloseTo(fleissKappa(data), 12);
  });
  it('bootstraps a reproducible interval around the estimate, by units or by pattern counts', () => {
    const data = randomRatings(200, 2, 0);
    const first = reliability(data, 'krippendorff');
    expect(reliability(data, 'krippendorff').ci).toEqual(first.ci);
    expect(first.ci![0]).toBeLessThanOrEqual(first.value!);
    expect(first.ci![1]).toBeGreaterThanOrEqual(first.value!);
    const kappa = (c: number[]) => cohenKappa(fromTable([[c[0]!, c[1]!], [c[2]!, c[3]!]]));
    const counts = bootstrapCounts([20, 5, 10, 15], kappa, 400);
    const units = bootstrapUnits(fromTable([[20, 5], [10, 15]]), (s) => cohenKappa(s), 400);
    // Both resample the same 50 units; their intervals agree to sampling error.
    expect(Math.abs(counts![0] - units![0])).toBeLessThan(0.12);
    expect(Math.abs(counts![1] - units![1])).toBeLessThan(0.12);
  });
});
