/**
 * Reliability data: one row per unit, one column per coder, a value or null
 * (missing). The categories are the distinct values observed, ordered
 * numerically when every value is a number and alphabetically otherwise; the
 * weighted and ordinal statistics use that order.
 */
export type Ratings = readonly (readonly (string | null)[])[];

export interface Categories {
  values: string[];
  /** Each category's place in `values`. */
  index: Map<string, number>;
  /** The values as numbers, when all of them are numbers. */
  numeric: number[] | null;
}

export function categoriesOf(ratings: Ratings): Categories {
  const distinct = [...new Set(ratings.flat().filter((v): v is string => v !== null))];
  const numbers = distinct.map(Number);
  const numeric = distinct.length > 0 && numbers.every((n, i) => distinct[i]!.trim() !== '' && Number.isFinite(n));
  const values = numeric ? distinct.sort((a, b) => Number(a) - Number(b)) : distinct.sort();
  return { values, index: new Map(values.map((v, i) => [v, i])), numeric: numeric ? values.map(Number) : null };
}

/** Each unit's values that are present, as category indices. */
export function presentValues(ratings: Ratings, categories: Categories): number[][] {
  return ratings.map((row) => row.filter((v): v is string => v !== null).map((v) => categories.index.get(v)!));
}

/** Per unit, how many coders chose each category (Fleiss' n_ij). */
export function categoryCounts(ratings: Ratings, categories: Categories): number[][] {
  return presentValues(ratings, categories).map((values) => {
    const counts = new Array<number>(categories.values.length).fill(0);
    for (const v of values) counts[v]!++;
    return counts;
  });
}
