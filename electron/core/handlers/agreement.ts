/**
 * Agreement between coders on the project's codings, the passages where they
 * differ, resolving them into a consensus coder, and reliability statistics
 * on a table the researcher brings.
 */
import type { AgreementNote, Disagreement } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import { findDisagreements } from '../../../shared/reliability/disagreements';
import { categoriesOf } from '../../../shared/reliability/ratings';
import { reliability } from '../../../shared/reliability/metrics';
import { parseReliabilityCsv } from '../../../shared/reliability/table';
import { sliceCodePoints } from '../../../shared/text/codepoints';
import { agreementReport, coderCodings } from '../analysis/agreement';
import type { Project } from '../project';
import { codingsByIds, createCodings } from './codings';
import type { HandlersFor } from './types';

export const agreementHandlers: Pick<HandlersFor<'analysis'>, 'analysis.agreement' | 'analysis.reliability' | 'analysis.disagreements'> = {
  'analysis.agreement': (query, core) => agreementReport(core.requireProject(), query),

  'analysis.disagreements': ({ coders, codes, documents, limit = 500 }, core) => {
    const project = core.requireProject();
    const { codings, documentIds } = coderCodings(project, coders, documents);
    const chosenCodes = codes ? new Set(codes) : null;
    const shared = new Set(documentIds);
    const passages = findDisagreements(
      codings.filter((c) => shared.has(c.documentId) && (!chosenCodes || chosenCodes.has(c.codeId))),
      coders,
    );
    const names = new Map((project.stmt('SELECT id, name FROM documents').raw(true).all() as [number, string][]));
    const codeNames = new Map((project.stmt('SELECT id, name FROM codes').raw(true).all() as [number, string][]));
    const noteOf = project.stmt('SELECT discussed, memo FROM agreement_notes WHERE document_id = ? AND code_id = ? AND start = ? AND "end" = ?');
    const listed: Disagreement[] = passages.slice(0, limit).map((p) => {
      const { text, index } = project.documentText(p.documentId)!;
      const note = noteOf.get(p.documentId, p.codeId, p.start, p.end) as { discussed: number; memo: string } | undefined;
      return {
        ...p,
        document: names.get(p.documentId)!,
        code: codeNames.get(p.codeId)!,
        text: sliceCodePoints(text, p.start, p.end, index),
        discussed: note?.discussed === 1,
        memo: note?.memo ?? '',
      };
    });
    return { total: passages.length, passages: listed };
  },

  'analysis.reliability': ({ fileName, content, metric, level, categories }) => {
    const table = parseReliabilityCsv(fileName, content);
    if (['cohen', 'cohen-linear', 'cohen-quadratic', 'scott'].includes(metric) && table.coders.length !== 2) {
      throw new AppError('reliability_two_coders', { metric, file: fileName, coders: table.coders.length });
    }
    if (metric === 'krippendorff' && (level === 'interval' || level === 'ratio') && !categoriesOf(table.ratings).numeric) {
      const value = table.ratings.flat().find((v) => v !== null && !Number.isFinite(Number(v))) ?? '';
      throw new AppError('reliability_numbers', { file: fileName, level, value });
    }
    return reliability(table.ratings, metric, { level, categories });
  },
};

function overlapping(project: Project, coder: string, codeId: number, documentId: number, start: number, end: number): number[] {
  return project
    .stmt(`SELECT k.id FROM codings k JOIN coders u ON u.id = k.coder_id WHERE u.name = ? AND k.code_id = ? AND k.document_id = ? AND k.start < ? AND k."end" > ?`)
    .pluck()
    .all(coder, codeId, documentId, end, start) as number[];
}

export const consensusHandlers: HandlersFor<'agreement'> = {
  'agreement.accept': ({ documentId, codeId, start, end, from, into }, core) => {
    const project = core.requireProject();
    if (from === into) throw new AppError('validation', { op: 'agreement.accept', detail: 'from and into must be different coders' });
    const removed = codingsByIds(project, overlapping(project, into, codeId, documentId, start, end));
    const remove = project.stmt('DELETE FROM codings WHERE id = ?');
    for (const c of removed) remove.run(c.id);
    const theirs = codingsByIds(project, overlapping(project, from, codeId, documentId, start, end));
    const codings = createCodings(project, into, [codeId], theirs.map((c) => ({ documentId, start: c.start, end: c.end })));
    return { codings, removed };
  },

  'agreement.note': ({ documentId, codeId, start, end, discussed, memo }, core) => {
    const project = core.requireProject();
    const key = { documentId, codeId, start, end };
    const old = project.stmt('SELECT discussed, memo FROM agreement_notes WHERE document_id = ? AND code_id = ? AND start = ? AND "end" = ?').get(documentId, codeId, start, end) as
      | { discussed: number; memo: string }
      | undefined;
    const previous: AgreementNote = { ...key, discussed: old?.discussed === 1, memo: old?.memo ?? '' };
    project
      .stmt(
        `INSERT INTO agreement_notes(document_id, code_id, start, "end", discussed, memo, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(document_id, code_id, start, "end") DO UPDATE SET discussed = excluded.discussed, memo = excluded.memo, updated_at = excluded.updated_at`,
      )
      .run(documentId, codeId, start, end, discussed ? 1 : 0, memo, new Date().toISOString());
    return { note: { ...key, discussed, memo }, previous };
  },
};
