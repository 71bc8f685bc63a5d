/**
 * Agreement between coders on a project's codings, per code and pooled, at a
 * unit the researcher chooses.
 *
 * For a code and a unit, each coder either coded the unit (one of their
 * codings of that code covers at least one of its characters) or did not.
 * A coder's codings of a code are merged into one set of ranges first, so a
 * coder's own overlapping codings never count twice. Units are tallied by
 * which coders coded them (a bit mask per unit), and every statistic is
 * computed from those tallies:
 *   - both: units every coder coded; neither: units no coder coded;
 *     only[c]: units coder c coded that not every coder did;
 *   - percent: units on which all coders agree (all or none), in percent;
 *   - kappa: Cohen's κ for two coders, Fleiss' κ for more (binary data);
 *   - alpha: Krippendorff's α, binary nominal;
 *   - 95 % bootstrap intervals, resampling units (as pattern counts).
 * Pooled: the tallies of all codes added up (each unit once per code), and
 * Krippendorff's α nominal across the codebook, where a coder's value for a
 * unit is the set of codes they gave it.
 *
 * The segment unit compares codings themselves (two coders): two coded
 * segments match when their overlap covers at least `overlap` of their
 * union; matched pairs are "both", the rest "only". Without units that
 * nobody coded, κ and α are not defined there and are reported as null.
 */
import { normalise, type Range } from '../analysis/ranges';
import { fleissFromCounts } from './agreementStatistics';
import { bootstrapCounts } from './bootstrap';
import { alphaFromCounts } from './krippendorff';
import { codePointLength } from '../text/codepoints';
import { documentUnits, type AgreementUnit } from './units';

export interface AgreementDocument {
  id: number;
  name: string;
  text: string;
  /** Speaker turns in code points; empty when the document has none. */
  turns: Range[];
}

export interface AgreementCoding {
  documentId: number;
  codeId: number;
  coder: string;
  start: number;
  end: number;
}

export interface AgreementCells {
  both: number;
  only: Record<string, number>;
  neither: number;
  percent: number | null;
  kappa: number | null;
  alpha: number | null;
}

export interface CodeAgreement extends AgreementCells {
  code: string;
  kappa_ci: [number, number] | null;
  alpha_ci: [number, number] | null;
}

export interface AgreementReport {
  unit: AgreementUnit;
  coders: string[];
  /** The matching threshold of the segment unit. */
  overlap: number | null;
  codes: CodeAgreement[];
  pooled: CodeAgreement & { alpha_nominal: number | null };
  documents: ({ document: string } & AgreementCells)[];
}

export interface AgreementOptions {
  coders: string[];
  unit: AgreementUnit;
  overlap?: number;
  codes: { id: number; name: string }[];
  samples?: number;
}

/** Units per coder mask: tally[mask] = number of units exactly those coders coded. */
type Tally = number[];

const popcount = (mask: number) => {
  let n = 0;
  for (let m = mask; m; m >>= 1) n += m & 1;
  return n;
};

export function codingAgreement(documents: readonly AgreementDocument[], codings: readonly AgreementCoding[], options: AgreementOptions): AgreementReport {
  const { coders, unit } = options;
  if (coders.length < 2) throw new RangeError('agreement needs at least two coders');
  if (unit === 'segment' && coders.length !== 2) throw new RangeError('the segment unit compares exactly two coders');
  const overlap = options.overlap ?? 0.9;
  const coderBit = new Map(coders.map((c, i) => [c, 1 << i]));
  // Merged ranges per document, code and coder.
  const ranges = new Map<string, Range[]>();
  const key = (documentId: number, codeId: number, coder: string) => `${documentId}:${codeId}:${coder}`;
  const chosen = new Set(options.codes.map((c) => c.id));
  for (const c of codings) {
    if (!coderBit.has(c.coder) || !chosen.has(c.codeId)) continue;
    const k = key(c.documentId, c.codeId, c.coder);
    ranges.set(k, [...(ranges.get(k) ?? []), { start: c.start, end: c.end }]);
  }
  for (const [k, list] of ranges) ranges.set(k, normalise(list));
  const rangesOf = (documentId: number, codeId: number) => coders.map((coder) => ranges.get(key(documentId, codeId, coder)) ?? []);

  const unitsByDocument = new Map<number, { length: number; units: Range[] | null }>();
  for (const doc of documents) {
    const length = codePointLength(doc.text);
    unitsByDocument.set(doc.id, { length, units: unit === 'character' || unit === 'segment' ? null : documentUnits(doc.text, unit, doc.turns) });
  }

  const tallyOf = (documentId: number, codeId: number): Tally => {
    const perCoder = rangesOf(documentId, codeId);
    const { length, units } = unitsByDocument.get(documentId)!;
    if (unit === 'segment') return segmentTally(perCoder[0]!, perCoder[1]!, overlap);
    return units === null ? characterTally(perCoder, length) : unitTally(perCoder, units);
  };

  const full = (1 << coders.length) - 1;
  const cells = (tally: Tally): AgreementCells => {
    const total = tally.reduce((s, n) => s + n, 0);
    const only = Object.fromEntries(coders.map((c, i) => [c, tally.reduce((s, n, mask) => s + (mask !== full && mask & (1 << i) ? n : 0), 0)]));
    const agree = (tally[full] ?? 0) + (tally[0] ?? 0);
    const defined = unit !== 'segment' && total > 0;
    return {
      both: tally[full] ?? 0,
      only,
      neither: tally[0] ?? 0,
      percent: total > 0 ? (100 * agree) / total : null,
      kappa: defined ? finite(kappaOf(tally, coders.length)) : null,
      alpha: defined ? finite(alphaOf(tally, coders.length)) : null,
    };
  };
  const withIntervals = (code: string, tally: Tally): CodeAgreement => {
    const base = cells(tally);
    const defined = base.kappa !== null || base.alpha !== null;
    return {
      code,
      ...base,
      kappa_ci: defined && base.kappa !== null ? bootstrapCounts(tally, (t) => kappaOf(t, coders.length), options.samples) : null,
      alpha_ci: defined && base.alpha !== null ? bootstrapCounts(tally, (t) => alphaOf(t, coders.length), options.samples) : null,
    };
  };

  const zero = (): Tally => new Array<number>(full + 1).fill(0);
  const add = (into: Tally, from: Tally) => from.forEach((n, mask) => (into[mask]! += n));
  const pooledTally = zero();
  const byDocument = new Map(documents.map((d) => [d.id, zero()]));
  const codes = options.codes.map((code) => {
    const tally = zero();
    for (const doc of documents) {
      const t = tallyOf(doc.id, code.id);
      add(tally, t);
      add(byDocument.get(doc.id)!, t);
    }
    add(pooledTally, tally);
    return withIntervals(code.name, tally);
  });
  // The weakest first: that is where the coders need to talk.
  codes.sort((a, b) => (a.kappa ?? a.percent ?? 0) - (b.kappa ?? b.percent ?? 0) || a.code.localeCompare(b.code));
  return {
    unit,
    coders,
    overlap: unit === 'segment' ? overlap : null,
    codes,
    pooled: { ...withIntervals('', pooledTally), alpha_nominal: unit === 'segment' ? null : finite(codebookAlpha(documents, unitsByDocument, coders, options.codes.map((c) => c.id), rangesOf)) },
    documents: documents.map((d) => ({ document: d.name, ...cells(byDocument.get(d.id)!) })),
  };
}

const finite = (value: number) => (Number.isFinite(value) ? value : null);

/** κ of binary data: Cohen's from the 2×2 table for two coders, Fleiss' otherwise. */
/** Nobody coded the code, or everybody coded every unit: without variation κ and α are undefined, not 1. */
function invariant(tally: Tally): boolean {
  const total = tally.reduce((sum, n) => sum + n, 0);
  return (tally[0] ?? 0) === total || (tally[tally.length - 1] ?? 0) === total;
}

function kappaOf(tally: Tally, coders: number): number {
  if (invariant(tally)) return Number.NaN;
  if (coders === 2) {
    const [neither = 0, onlyFirst = 0, onlySecond = 0, both = 0] = tally;
    const n = neither + onlyFirst + onlySecond + both;
    if (n === 0) return Number.NaN;
    const po = (both + neither) / n;
    const first = (both + onlyFirst) / n;
    const second = (both + onlySecond) / n;
    const pe = first * second + (1 - first) * (1 - second);
    return (po - pe) / (1 - pe);
  }
  return fleissFromCounts(binaryCounts(tally, coders), tally);
}

function alphaOf(tally: Tally, coders: number): number {
  if (invariant(tally)) return Number.NaN;
  return alphaFromCounts(binaryCounts(tally, coders), 'nominal', null, tally);
}

/** Per mask: how many coders left the unit uncoded and how many coded it. */
function binaryCounts(tally: Tally, coders: number): number[][] {
  return tally.map((_, mask) => [coders - popcount(mask), popcount(mask)]);
}

/** Characters by which coders coded them, by sweeping over the ranges' edges. */
function characterTally(perCoder: readonly Range[][], length: number): Tally {
  const tally = new Array<number>(1 << perCoder.length).fill(0);
  const edges: { at: number; bit: number; open: boolean }[] = [];
  perCoder.forEach((list, i) => {
    for (const r of list) edges.push({ at: Math.min(r.start, length), bit: 1 << i, open: true }, { at: Math.min(r.end, length), bit: 1 << i, open: false });
  });
  edges.sort((a, b) => a.at - b.at);
  let mask = 0;
  let at = 0;
  for (const edge of edges) {
    tally[mask]! += edge.at - at;
    at = edge.at;
    mask = edge.open ? mask | edge.bit : mask & ~edge.bit;
  }
  tally[mask]! += length - at;
  return tally;
}

/** Units by which coders' ranges touch at least one of their characters. */
function unitTally(perCoder: readonly Range[][], units: readonly Range[]): Tally {
  const tally = new Array<number>(1 << perCoder.length).fill(0);
  const cursors = perCoder.map(() => 0);
  for (const u of units) {
    let mask = 0;
    perCoder.forEach((list, i) => {
      while (cursors[i]! < list.length && list[cursors[i]!]!.end <= u.start) cursors[i]!++;
      const r = list[cursors[i]!];
      if (r && r.start < u.end) mask |= 1 << i;
    });
    tally[mask]!++;
  }
  return tally;
}

/** Two coders' segments matched one to one, best overlap first, when overlap / union ≥ threshold. */
function segmentTally(first: readonly Range[], second: readonly Range[], threshold: number): Tally {
  const candidates: { i: number; j: number; share: number }[] = [];
  first.forEach((a, i) =>
    second.forEach((b, j) => {
      const common = Math.min(a.end, b.end) - Math.max(a.start, b.start);
      if (common <= 0) return;
      const share = common / (Math.max(a.end, b.end) - Math.min(a.start, b.start));
      if (share >= threshold) candidates.push({ i, j, share });
    }),
  );
  candidates.sort((x, y) => y.share - x.share);
  const usedFirst = new Set<number>();
  const usedSecond = new Set<number>();
  for (const { i, j } of candidates) {
    if (usedFirst.has(i) || usedSecond.has(j)) continue;
    usedFirst.add(i);
    usedSecond.add(j);
  }
  return [0, first.length - usedFirst.size, second.length - usedSecond.size, usedFirst.size];
}

/**
 * α nominal over the whole codebook: each coder's value for a unit is the set
 * of codes they gave it (none being a value too); units that look alike are
 * counted together.
 */
function codebookAlpha(
  documents: readonly AgreementDocument[],
  unitsByDocument: Map<number, { length: number; units: Range[] | null }>,
  coders: readonly string[],
  codes: readonly number[],
  rangesOf: (documentId: number, codeId: number) => Range[][],
): number {
  const patterns = new Map<string, number>();
  const count = (values: string[], weight: number) => {
    if (weight <= 0) return;
    const k = values.join('\u0001');
    patterns.set(k, (patterns.get(k) ?? 0) + weight);
  };
  for (const doc of documents) {
    const { length, units } = unitsByDocument.get(doc.id)!;
    const perCode = codes.map((code) => rangesOf(doc.id, code));
    if (units === null) {
      // Characters: between consecutive edges every coder's set of codes is constant.
      const edges = [...new Set([0, length, ...perCode.flatMap((perCoder) => perCoder.flatMap((list) => list.flatMap((r) => [r.start, r.end])))])].filter((e) => e <= length).sort((a, b) => a - b);
      for (let e = 0; e + 1 < edges.length; e++) {
        const at = edges[e]!;
        count(
          coders.map((_, i) => codes.filter((_, c) => perCode[c]![i]!.some((r) => r.start <= at && at < r.end)).join('\u0002')),
          edges[e + 1]! - at,
        );
      }
    } else {
      for (const u of units) count(coders.map((_, i) => codes.filter((_, c) => perCode[c]![i]!.some((r) => r.start < u.end && u.start < r.end)).join('\u0002')), 1);
    }
  }
  const values = [...new Set([...patterns.keys()].flatMap((k) => k.split('\u0001')))];
  const index = new Map(values.map((v, i) => [v, i]));
  const rows: number[][] = [];
  const weights: number[] = [];
  for (const [k, weight] of patterns) {
    const row = new Array<number>(values.length).fill(0);
    for (const v of k.split('\u0001')) row[index.get(v)!]!++;
    rows.push(row);
    weights.push(weight);
  }
  return alphaFromCounts(rows, 'nominal', null, weights);
}
