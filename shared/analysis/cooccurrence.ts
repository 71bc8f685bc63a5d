/**
 * Code co-occurrence under a chosen rule. Two kinds of rule:
 *
 * - Coding rules count pairs of codings of two different codes in the same
 *   document: `overlap` (the ranges share at least one character; ranges are
 *   half-open, so codings that only touch do not overlap) and `near` (the gap
 *   between them is at most N characters; overlapping is a gap of 0).
 *   n1 and n2 are the codes' numbers of codings.
 * - Unit rules count the units holding both codes: `turn` (speaker turns),
 *   `document` and `case`. n1 and n2 are the numbers of units holding each code.
 *
 * The c-coefficient is c = n12 / (n1 + n2 − n12), n12 being the count. Under
 * unit rules it lies between 0 and 1 (it is the Jaccard index of the units);
 * under coding rules one long coding overlapping many short ones can push it
 * past 1. A pair is flagged `uneven` when one code is more than five times as
 * frequent as the other, where c says little.
 */

export interface CodedSpan {
  documentId: number;
  codeId: number;
  start: number;
  end: number;
}

/** A coding with the units it belongs to, for unit rules. */
export interface CodingFact extends CodedSpan {
  id: number;
  coder: string;
  /** The speaker turn it starts in, if any. */
  turnId: number | null;
  /** The case of that turn's speaker, or else the cases of its document. */
  caseIds: number[];
}

export type CooccurrenceRule = { kind: 'overlap' } | { kind: 'near'; distance: number } | { kind: 'turn' } | { kind: 'document' } | { kind: 'case' };

export interface CodePairCount {
  /** The smaller code id of the pair. */
  a: number;
  b: number;
  count: number;
}

export interface CodePairMeasure extends CodePairCount {
  n1: number;
  n2: number;
  c: number;
  uneven: boolean;
}

export const UNEVEN_RATIO = 5;

export function rangesOverlap(x: { start: number; end: number }, y: { start: number; end: number }): boolean {
  return x.start < y.end && y.start < x.end;
}

/** "overlap", "near:50", "turn", "document" or "case". */
export function parseRule(text: string): CooccurrenceRule | null {
  const near = /^near:(\d+)$/.exec(text);
  if (near) return { kind: 'near', distance: Number(near[1]) };
  return text === 'overlap' || text === 'turn' || text === 'document' || text === 'case' ? { kind: text } : null;
}

export function ruleName(rule: CooccurrenceRule): string {
  return rule.kind === 'near' ? `near:${rule.distance}` : rule.kind;
}

function groupBy<T>(items: readonly T[], key: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

class PairCounter {
  private counts = new Map<number, CodePairCount>();
  add(x: number, y: number): void {
    if (x === y) return;
    const a = Math.min(x, y);
    const b = Math.max(x, y);
    // Code ids are SQLite rowids, far below 2^26: the pair packs into one number.
    const key = a * 67_108_864 + b;
    const entry = this.counts.get(key);
    if (entry) entry.count++;
    else this.counts.set(key, { a, b, count: 1 });
  }
  pairs(): CodePairCount[] {
    return [...this.counts.values()];
  }
}

/**
 * Pairs of codings within `gap` characters of each other (gap 0: overlapping),
 * by one sweep per document in start order that keeps only the codings still
 * within reach, so the cost is O(n log n + pairs) rather than O(n²).
 */
function countCodingPairs(spans: readonly CodedSpan[], gap: number, overlapOnly: boolean): CodePairCount[] {
  const counter = new PairCounter();
  for (const list of groupBy(spans, (s) => s.documentId).values()) {
    list.sort((x, y) => x.start - y.start || x.end - y.end);
    const open: CodedSpan[] = [];
    for (const span of list) {
      // Drop, in place, the codings this one and every later one are past.
      let kept = 0;
      for (const other of open) if (overlapOnly ? other.end > span.start : other.end + gap >= span.start) open[kept++] = other;
      open.length = kept;
      for (const other of open) if (other.codeId !== span.codeId) counter.add(other.codeId, span.codeId);
      open.push(span);
    }
  }
  return counter.pairs();
}

export function countOverlapCooccurrence(spans: readonly CodedSpan[]): CodePairCount[] {
  return countCodingPairs(spans, 0, true);
}

/** The units (turns, documents or cases) each coding belongs to under a unit rule. */
function unitsOf(fact: CodingFact, rule: 'turn' | 'document' | 'case'): number[] {
  if (rule === 'document') return [fact.documentId];
  if (rule === 'case') return fact.caseIds;
  return fact.turnId === null ? [] : [fact.turnId];
}

export function cooccurrence(facts: readonly CodingFact[], rule: CooccurrenceRule): CodePairMeasure[] {
  let pairs: CodePairCount[];
  const frequency = new Map<number, number>();
  if (rule.kind === 'overlap' || rule.kind === 'near') {
    pairs = rule.kind === 'overlap' ? countOverlapCooccurrence(facts) : countCodingPairs(facts, rule.distance, false);
    for (const fact of facts) frequency.set(fact.codeId, (frequency.get(fact.codeId) ?? 0) + 1);
  } else {
    const codesByUnit = new Map<number, Set<number>>();
    for (const fact of facts) {
      for (const unit of unitsOf(fact, rule.kind)) {
        const codes = codesByUnit.get(unit) ?? new Set<number>();
        codes.add(fact.codeId);
        codesByUnit.set(unit, codes);
      }
    }
    const counter = new PairCounter();
    for (const codes of codesByUnit.values()) {
      const list = [...codes];
      for (const code of list) frequency.set(code, (frequency.get(code) ?? 0) + 1);
      for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) counter.add(list[i]!, list[j]!);
    }
    pairs = counter.pairs();
  }
  return pairs.map((pair) => {
    const n1 = frequency.get(pair.a) ?? 0;
    const n2 = frequency.get(pair.b) ?? 0;
    const denominator = n1 + n2 - pair.count;
    // Written out, not spread: spreading 100,000 pairs took most of a 500-code co-occurrence.
    return {
      a: pair.a,
      b: pair.b,
      count: pair.count,
      n1,
      n2,
      c: denominator > 0 ? pair.count / denominator : 0,
      uneven: Math.max(n1, n2) > UNEVEN_RATIO * Math.min(n1, n2),
    };
  });
}

/** The codings of two codes that make up their co-occurrence under a rule: what a heatmap cell or network edge stands for. */
export function pairCodings(facts: readonly CodingFact[], rule: CooccurrenceRule, aId: number, bId: number): CodingFact[] {
  const both = facts.filter((f) => f.codeId === aId || f.codeId === bId);
  const kept = new Set<CodingFact>();
  if (rule.kind === 'overlap' || rule.kind === 'near') {
    const gap = rule.kind === 'near' ? rule.distance : 0;
    for (const list of groupBy(both, (f) => f.documentId).values()) {
      for (const x of list) {
        for (const y of list) {
          if (x.codeId === y.codeId) continue;
          const close = rule.kind === 'overlap' ? rangesOverlap(x, y) : Math.max(x.start, y.start) - Math.min(x.end, y.end) <= gap;
          if (close) kept.add(x);
        }
      }
    }
  } else {
    const codesByUnit = new Map<number, Set<number>>();
    for (const f of both) for (const unit of unitsOf(f, rule.kind)) codesByUnit.set(unit, (codesByUnit.get(unit) ?? new Set()).add(f.codeId));
    for (const f of both) if (unitsOf(f, rule.kind).some((unit) => codesByUnit.get(unit)!.size === 2)) kept.add(f);
  }
  return both.filter((f) => kept.has(f)).sort((x, y) => x.documentId - y.documentId || x.start - y.start);
}
