/**
 * Bootstrap confidence intervals. Units are resampled with replacement and
 * the statistic recomputed; the interval is the 2.5th and 97.5th percentile
 * of the resampled values (Efron's percentile interval). The generator is
 * seeded, so the same data always gives the same interval.
 */

/** mulberry32: small, fast and good enough for resampling. */
export function seededRandom(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const BOOTSTRAP_SAMPLES = 1000;

export function percentileInterval(values: readonly number[], level = 0.95): [number, number] | null {
  const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (finite.length === 0) return null;
  const at = (p: number) => finite[Math.min(finite.length - 1, Math.max(0, Math.round(p * (finite.length - 1))))]!;
  return [at((1 - level) / 2), at(1 - (1 - level) / 2)];
}

/** Resamples the units themselves: for reliability data of any shape. */
export function bootstrapUnits<T>(units: readonly T[], statistic: (sample: T[]) => number, samples = BOOTSTRAP_SAMPLES, seed = 1): [number, number] | null {
  if (units.length === 0) return null;
  const random = seededRandom(seed);
  const values: number[] = [];
  for (let s = 0; s < samples; s++) values.push(statistic(Array.from({ length: units.length }, () => units[Math.floor(random() * units.length)]!)));
  return percentileInterval(values);
}

/**
 * Resamples units that are described only by how many fall in each of a few
 * patterns (e.g. coded by both, by one, by neither, over a million
 * characters): a multinomial draw of the same total, made of binomial draws.
 */
export function bootstrapCounts(counts: readonly number[], statistic: (sample: number[]) => number, samples = BOOTSTRAP_SAMPLES, seed = 1): [number, number] | null {
  const total = counts.reduce((s, n) => s + n, 0);
  if (total === 0) return null;
  const random = seededRandom(seed);
  const values: number[] = [];
  for (let s = 0; s < samples; s++) {
    const sample: number[] = [];
    let left = total;
    let mass = 1;
    for (let i = 0; i < counts.length; i++) {
      const p = counts[i]! / total;
      const drawn = i === counts.length - 1 ? left : binomial(left, mass > 0 ? Math.min(1, p / mass) : 0, random);
      sample.push(drawn);
      left -= drawn;
      mass -= p;
    }
    values.push(statistic(sample));
  }
  return percentileInterval(values);
}

/**
 * A binomial draw. Exact (by counting successes) while n·p is small; beyond
 * that the normal approximation with continuity correction, whose error is
 * far below the bootstrap's own sampling error at those sizes.
 */
function binomial(n: number, p: number, random: () => number): number {
  if (n === 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomial(n, 1 - p, random);
  if (n * p < 30) {
    // Waiting times between successes are geometric.
    const log = Math.log(1 - p);
    let successes = 0;
    let position = 0;
    for (;;) {
      position += Math.floor(Math.log(1 - random()) / log) + 1;
      if (position > n) return successes;
      successes++;
    }
  }
  const u1 = random() || Number.MIN_VALUE;
  const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * random());
  return Math.min(n, Math.max(0, Math.round(n * p + z * Math.sqrt(n * p * (1 - p)))));
}
