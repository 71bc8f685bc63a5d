/**
 * The codings of a project as analysis facts: each coding with its coder, the
 * speaker turn it starts in and its cases (the turn speaker's case, or else
 * the cases of its document), plus every case's attributes. The pure
 * analyses in shared/analysis work on these.
 */
import type { CodingFact } from '../../../shared/analysis/cooccurrence';
import { rangeAt } from '../../../shared/analysis/ranges';
import type { CaseAttributes } from '../../../shared/analysis/subset';
import type { Project } from '../project';

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
  // Plain arrays rather than row objects: a large project has hundreds of thousands of codings and turns.
  const rows = project.stmt('SELECT id, document_id, code_id, start, "end", coder_id FROM codings ORDER BY id').raw(true).all() as number[][];
  const turns = new Map<number, { id: number; start: number; end: number }[]>();
  for (const [id, documentId, start, end] of project.stmt('SELECT id, document_id, start, "end" FROM turns ORDER BY document_id, start').raw(true).all() as number[][]) {
    const turn = { id: id!, start: start!, end: end! };
    const list = turns.get(documentId!);
    if (list) list.push(turn);
    else turns.set(documentId!, [turn]);
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
  const facts = rows.map(([id, documentId, codeId, start, end, coderId]): CodingFact => {
    const turnId = rangeAt(turns.get(documentId!) ?? [], start!)?.id ?? null;
    const speakerCase = turnId === null ? undefined : turnCase.get(turnId);
    return {
      id: id!,
      documentId: documentId!,
      codeId: codeId!,
      start: start!,
      end: end!,
      coder: coders.get(coderId!)!,
      turnId,
      caseIds: speakerCase !== undefined ? [speakerCase] : (documentCases.get(documentId!) ?? []),
    };
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
