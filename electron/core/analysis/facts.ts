/**
 * The codings of a project as analysis facts: each coding with its coder, the
 * speaker turn it starts in and its cases (the turn speaker's case, or else
 * the cases of its document), plus every case's attributes. The pure
 * analyses in shared/analysis work on these.
 */
import type { CodingFact } from '../../../shared/analysis/cooccurrence';
import type { CaseAttributes } from '../../../shared/analysis/subset';
import type { Project } from '../project';

export interface AnalysisFacts {
  facts: CodingFact[];
  attributes: CaseAttributes;
  cases: { id: number; name: string }[];
  codes: { id: number; name: string; parentId: number | null; position: number }[];
  documents: { id: number; name: string }[];
}

export function loadFacts(project: Project): AnalysisFacts {
  const rows = project
    .stmt(
      `SELECT k.id, k.document_id AS documentId, k.code_id AS codeId, k.start, k."end" AS "end", c.name AS coder
       FROM codings k JOIN coders c ON c.id = k.coder_id ORDER BY k.id`,
    )
    .all() as Omit<CodingFact, 'caseIds' | 'turnId'>[];
  const turns = new Map<number, { id: number; start: number; end: number }[]>();
  for (const t of project.stmt('SELECT id, document_id, start, "end" AS "end" FROM turns ORDER BY document_id, start').all() as { id: number; document_id: number; start: number; end: number }[]) {
    const list = turns.get(t.document_id);
    if (list) list.push(t);
    else turns.set(t.document_id, [t]);
  }
  const turnCase = new Map(
    (project.stmt('SELECT t.id, s.case_id FROM turns t JOIN speakers s ON s.id = t.speaker_id WHERE s.case_id IS NOT NULL').all() as { id: number; case_id: number }[]).map((r) => [
      r.id,
      r.case_id,
    ]),
  );
  const documentCases = new Map<number, number[]>();
  for (const r of project.stmt('SELECT document_id, case_id FROM case_documents ORDER BY case_id').all() as { document_id: number; case_id: number }[]) {
    documentCases.set(r.document_id, [...(documentCases.get(r.document_id) ?? []), r.case_id]);
  }
  const facts = rows.map((row): CodingFact => {
    const turnId = turnAt(turns.get(row.documentId) ?? [], row.start);
    const speakerCase = turnId === null ? undefined : turnCase.get(turnId);
    return { ...row, turnId, caseIds: speakerCase !== undefined ? [speakerCase] : (documentCases.get(row.documentId) ?? []) };
  });
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

/** The turn holding `offset` (turns sorted by start, not overlapping). */
function turnAt(turns: readonly { id: number; start: number; end: number }[], offset: number): number | null {
  let lo = 0;
  let hi = turns.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const turn = turns[mid]!;
    if (offset < turn.start) hi = mid - 1;
    else if (offset >= turn.end) lo = mid + 1;
    else return turn.id;
  }
  return null;
}
