/**
 * Fuzzy matching for the quick-code box: the typed letters must appear in the
 * name in order (case and accents ignored). Matches at the start of the name or
 * of a word, and consecutive letters, rank higher; shorter names break ties.
 */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/** A score (higher is better), or null when the query does not match. */
export function fuzzyScore(query: string, name: string): number | null {
  const q = fold(query).replace(/\s+/g, '');
  if (!q) return 0;
  const n = fold(name);
  let score = 0;
  let at = 0;
  let previous = -2;
  for (const char of q) {
    const found = n.indexOf(char, at);
    if (found < 0) return null;
    if (found === 0) score += 8;
    else if (/[\s\-/(]/.test(n[found - 1]!)) score += 5;
    if (found === previous + 1) score += 3;
    score -= Math.min(found - at, 5) * 0.5;
    previous = found;
    at = found + 1;
  }
  return score - n.length * 0.01;
}

export function fuzzyFilter<T>(query: string, items: readonly T[], name: (item: T) => string): T[] {
  return items
    .map((item) => ({ item, score: fuzzyScore(query, name(item)) }))
    .filter((entry): entry is { item: T; score: number } => entry.score !== null)
    .sort((a, b) => b.score - a.score)
    .map((entry) => entry.item);
}
