/**
 * The codings of a project as analysis facts: each coding with its coder, the
 * speaker turn it starts in and its cases (the turn speaker's case, or else
 * the cases of its document), plus every case's attributes. The pure
 * analyses in shared/analysis work on these.
 */
import type { CodingFact } from '../../../shared/analysis/cooccurrence';
import type { CaseAttributes } from '../../../shared/analysis/subset';
import type { Project } from '../project';
import { joinTurnOfCoding } from '../store/turnOfCoding';

export interface AnalysisFacts {
  facts: CodingFact[];
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
  const coders = new Map((project.stmt('SELECT id, name FROM coders').all() as { id: number; name: string }[]).map((c) => [c.id, c.name]));
  // Each coding with its turn and that turn's speaker's case. Plain arrays rather than row objects: a large project has hundreds of thousands of codings.
  const rows = project
    .stmt(
      `SELECT k.id, k.document_id, k.code_id, k.start, k."end", k.coder_id, t.id, s.case_id FROM codings k
       ${joinTurnOfCoding('k', 't')}
       LEFT JOIN speakers s ON s.id = t.speaker_id
       ORDER BY k.id`,
    )
    .raw(true)
    .all() as [number, number, number, number, number, number, number | null, number | null][];
  const documentCases = new Map<number, number[]>();
  for (const r of project.stmt('SELECT document_id, case_id FROM case_documents ORDER BY case_id').all() as { document_id: number; case_id: number }[]) {
    documentCases.set(r.document_id, [...(documentCases.get(r.document_id) ?? []), r.case_id]);
  }
  const facts = rows.map(
    ([id, documentId, codeId, start, end, coderId, turnId, speakerCase]): CodingFact => ({
      id,
      documentId,
      codeId,
      start,
      end,
      coder: coders.get(coderId)!,
      turnId,
      caseIds: speakerCase !== null ? [speakerCase] : (documentCases.get(documentId) ?? []),
    }),
  );
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
