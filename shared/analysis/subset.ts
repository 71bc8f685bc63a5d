/**
 * Restricting an analysis to a subset of the codings: by case attribute
 * (every given attribute must match one of the coding's cases), documents,
 * coder, or code branches (a code and everything under it).
 */
import type { CodingFact } from './cooccurrence';

export interface Subset {
  where?: Record<string, string>;
  documentIds?: number[];
  coder?: string;
  /** Roots of the code branches to keep. */
  codeIds?: number[];
}

export type CaseAttributes = ReadonlyMap<number, Readonly<Record<string, string>>>;

export function branchIds(roots: readonly number[], codes: readonly { id: number; parentId: number | null }[]): Set<number> {
  const children = new Map<number, number[]>();
  for (const code of codes) if (code.parentId !== null) children.set(code.parentId, [...(children.get(code.parentId) ?? []), code.id]);
  const kept = new Set<number>();
  const visit = (id: number) => {
    if (kept.has(id)) return;
    kept.add(id);
    for (const child of children.get(id) ?? []) visit(child);
  };
  roots.forEach(visit);
  return kept;
}

export function matchesWhere(caseIds: readonly number[], where: Readonly<Record<string, string>>, attributes: CaseAttributes): boolean {
  const wanted = Object.entries(where);
  return wanted.length === 0 || caseIds.some((id) => wanted.every(([name, value]) => attributes.get(id)?.[name] === value));
}

export function filterFacts(
  facts: readonly CodingFact[],
  subset: Subset,
  attributes: CaseAttributes,
  codes: readonly { id: number; parentId: number | null }[],
): CodingFact[] {
  const documents = subset.documentIds?.length ? new Set(subset.documentIds) : null;
  const branch = subset.codeIds?.length ? branchIds(subset.codeIds, codes) : null;
  return facts.filter(
    (f) =>
      (!documents || documents.has(f.documentId)) &&
      (!subset.coder || f.coder === subset.coder) &&
      (!branch || branch.has(f.codeId)) &&
      (!subset.where || matchesWhere(f.caseIds, subset.where, attributes)),
  );
}
