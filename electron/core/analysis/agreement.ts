/**
 * Loads what the comparison of coders needs from the project and runs the
 * pure computation in shared/reliability. By default the comparison covers
 * the documents that every chosen coder has coded: a document only one
 * coder has seen would count as disagreement on every unit.
 */
import { AppError } from '../../../shared/api/errors';
import { codingAgreement, type AgreementCoding, type AgreementReport } from '../../../shared/reliability/codingAgreement';
import type { AgreementUnit } from '../../../shared/reliability/units';
import type { Project } from '../project';
import { readDocumentTurns } from '../store/documentTurns';

export interface AgreementQuery {
  coders: string[];
  unit: AgreementUnit;
  overlap?: number;
  codes?: number[];
  documents?: number[];
}

/** The chosen coders' codings, and the documents to compare them on: those given, or those every coder coded. */
export function coderCodings(project: Project, coders: readonly string[], documents?: readonly number[]): { codings: AgreementCoding[]; documentIds: number[] } {
  const known = new Set((project.stmt('SELECT name FROM coders').raw(true).all() as [string][]).map(([n]) => n));
  for (const coder of coders) if (!known.has(coder)) throw new AppError('not_found', { what: 'Coder', name: coder });
  const codings = (
    project
      .stmt(`SELECT k.document_id, k.code_id, c.name, k.start, k."end" FROM codings k JOIN coders c ON c.id = k.coder_id`)
      .raw(true)
      .all() as [number, number, string, number, number][]
  )
    .filter(([, , coder]) => coders.includes(coder))
    .map(([documentId, codeId, coder, start, end]) => ({ documentId, codeId, coder, start, end }));
  const codedBy = new Map<number, Set<string>>();
  for (const c of codings) codedBy.set(c.documentId, (codedBy.get(c.documentId) ?? new Set()).add(c.coder));
  const documentIds = documents ? [...documents] : [...codedBy].filter(([, who]) => who.size === coders.length).map(([id]) => id);
  return { codings, documentIds };
}

export function agreementReport(project: Project, query: AgreementQuery): AgreementReport {
  const { codings, documentIds } = coderCodings(project, query.coders, query.documents);
  const compared = new Set(documentIds);
  const used = new Set(codings.filter((k) => compared.has(k.documentId)).map((k) => k.codeId));
  const allCodes = project.stmt('SELECT id, name FROM codes ORDER BY position, id').all() as { id: number; name: string }[];
  const codes = query.codes ? query.codes.map((id) => allCodes.find((c) => c.id === id) ?? missingCode(id)) : allCodes.filter((c) => used.has(c.id));
  const names = new Map((project.stmt('SELECT id, name FROM documents').raw(true).all() as [number, string][]).map(([id, n]) => [id, n]));
  const documents = documentIds
    .filter((id) => names.has(id))
    .sort((a, b) => names.get(a)!.localeCompare(names.get(b)!))
    .map((id) => ({ id, name: names.get(id)!, text: project.documentText(id)!.text, turns: readDocumentTurns(project, id).records(id) }));
  return codingAgreement(documents, codings, { coders: query.coders, unit: query.unit, overlap: query.overlap, codes });
}

function missingCode(id: number): never {
  throw new AppError('not_found', { what: 'Code', name: String(id) });
}
