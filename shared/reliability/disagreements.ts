/**
 * Where coders differ: for each document and code, the passages that some
 * coder coded (the union of every chosen coder's ranges, split where nobody
 * coded) in which the coders' ranges are not all the same. Each passage
 * lists every coder's own ranges inside it, so the differences can be shown
 * side by side and one coder's version accepted.
 */
import { normalise, type Range } from '../analysis/ranges';

export interface CoderRanges {
  coder: string;
  ranges: Range[];
}

export interface DisagreementPassage extends Range {
  documentId: number;
  codeId: number;
  /** Every chosen coder, with their ranges inside the passage (none when they left it uncoded). */
  coders: CoderRanges[];
}

export interface CoderCoding extends Range {
  documentId: number;
  codeId: number;
  coder: string;
}

const same = (a: readonly Range[], b: readonly Range[]) => a.length === b.length && a.every((r, i) => r.start === b[i]!.start && r.end === b[i]!.end);

export function findDisagreements(codings: readonly CoderCoding[], coders: readonly string[]): DisagreementPassage[] {
  const groups = new Map<string, { documentId: number; codeId: number; byCoder: Map<string, Range[]> }>();
  for (const c of codings) {
    if (!coders.includes(c.coder)) continue;
    const key = `${c.documentId}:${c.codeId}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { documentId: c.documentId, codeId: c.codeId, byCoder: new Map() }));
    group.byCoder.set(c.coder, [...(group.byCoder.get(c.coder) ?? []), { start: c.start, end: c.end }]);
  }
  const out: DisagreementPassage[] = [];
  for (const { documentId, codeId, byCoder } of groups.values()) {
    const merged = coders.map((coder) => normalise(byCoder.get(coder) ?? []));
    for (const passage of normalise(merged.flat())) {
      const inside = merged.map((ranges) => ranges.filter((r) => r.start < passage.end && passage.start < r.end));
      if (inside.every((ranges) => same(ranges, [passage]))) continue;
      out.push({ documentId, codeId, start: passage.start, end: passage.end, coders: coders.map((coder, i) => ({ coder, ranges: inside[i]! })) });
    }
  }
  return out.sort((a, b) => a.documentId - b.documentId || a.start - b.start || a.codeId - b.codeId);
}
