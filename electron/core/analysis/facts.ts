/**
 * The codings of a project as analysis facts: each coding with its coder, the
 * speaker turn it starts in and its cases (the turn speaker's case, or else
 * the cases of its document), plus every case's attributes. The pure
 * analyses in shared/analysis work on these.
 */
import type { CodingFact } from '../../../shared/analysis/cooccurrence';
import type { CaseAttributes } from '../../../shared/analysis/subset';
import type { Project } from '../project';
import { liveCodingFacts } from './liveCodings';

export interface AnalysisFacts {
  facts: readonly CodingFact[];
  attributes: CaseAttributes;
  cases: { id: number; name: string }[];
  codes: { id: number; name: string; parentId: number | null; position: number }[];
  documents: { id: number; name: string }[];
}

/** Loaded once and kept until the project changes: switching rules or subsets then costs only the analysis. */
export function loadFacts(project: Project): AnalysisFacts {
  return project.cached('analysis-facts', () => readFacts(project));
}

function readFacts(project: Project): AnalysisFacts {
  const facts = liveCodingFacts(project);
  const attributes = new Map<number, Record<string, string>>();
  for (const r of project.stmt('SELECT case_id, name, value FROM case_attributes').all() as { case_id: number; name: string; value: string }[]) {
    attributes.set(r.case_id, { ...(attributes.get(r.case_id) ?? {}), [r.name]: r.value });
  }
  return {
    facts,
    attributes,
    cases: project.stmt('SELECT id, name FROM cases ORDER BY name COLLATE NOCASE').all() as { id: number; name: string }[],
    codes: project.stmt('SELECT id, name, parent_id AS parentId, position FROM codes').all() as AnalysisFacts['codes'],
    documents: project.stmt('SELECT id, name FROM documents ORDER BY name COLLATE NOCASE').all() as { id: number; name: string }[],
  };
}
