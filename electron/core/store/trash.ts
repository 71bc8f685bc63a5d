/**
 * The trash. Deleting a code (with its sub-codes) or a document puts what
 * it removes — as the interchange model, keyed by UUIDs, codings included —
 * in the same transaction into `trash`; restoring merges it back by UUID,
 * so a restore never duplicates what is already there (after an undo, say)
 * and codings come back onto their documents and codes.
 */
import type { TrashItem } from '../../../shared/api/contract';
import type { Interchange } from '../../../shared/model/interchange';
import type { Code, Coding } from '../../../shared/model/types';
import { mergeInto } from '../interchange/mergeInto';
import { readInterchange } from '../interchange/readProject';
import type { Project } from '../project';


function put(project: Project, kind: TrashItem['kind'], name: string, payload: Interchange): void {
  project.stmt('INSERT INTO trash(kind, name, deleted_at, payload) VALUES (?, ?, ?, ?)').run(kind, name, new Date().toISOString(), JSON.stringify(payload));
}

/** Called before the rows go: codes are listed parents first. */
export function trashCodes(project: Project, codes: readonly Code[], codings: readonly Coding[]): void {
  const uuidOf = new Map(codes.map((c) => [c.id, c.uuid]));
  const parentUuid = (parentId: number | null) => (parentId === null ? null : (uuidOf.get(parentId) ?? (project.stmt('SELECT uuid FROM codes WHERE id = ?').pluck().get(parentId) as string | undefined) ?? null));
  const documentUuid = project.stmt('SELECT uuid FROM documents WHERE id = ?').pluck();
  put(project, 'code', codes[0]!.name, {
    codes: codes.map((c) => ({ uuid: c.uuid, name: c.name, parentUuid: parentUuid(c.parentId), color: c.color, description: c.description, inclusion: c.inclusion, exclusion: c.exclusion, example: c.example, atypical: c.atypical, memo: c.memo })),
    documents: [],
    speakers: [],
    cases: [],
    codings: codings.map((k) => ({ uuid: k.uuid, documentUuid: documentUuid.get(k.documentId) as string, codeUuid: uuidOf.get(k.codeId)!, start: k.start, end: k.end, coder: k.coder, createdAt: k.createdAt, memo: k.memo, keyQuote: k.keyQuote })),
  });
}

export function trashDocument(project: Project, documentId: number, name: string): void {
  put(project, 'document', name, readInterchange(project, { documentIds: [documentId], withCodings: true }));
}

/** What is in the trash and not back in the project already (an undo may have put it back). */
export function listTrash(project: Project): TrashItem[] {
  const rows = project.stmt('SELECT id, kind, name, deleted_at AS deletedAt, payload FROM trash ORDER BY id DESC').all() as { id: number; kind: TrashItem['kind']; name: string; deletedAt: string; payload: string }[];
  const codeExists = project.stmt('SELECT 1 FROM codes WHERE uuid = ?').pluck();
  const documentExists = project.stmt('SELECT 1 FROM documents WHERE uuid = ?').pluck();
  return rows
    .map(({ payload, ...row }) => ({ ...row, model: JSON.parse(payload) as Interchange }))
    .filter(({ kind, model }) => (kind === 'code' ? model.codes.some((c) => !codeExists.get(c.uuid)) : model.documents.some((d) => !documentExists.get(d.uuid))))
    // A document's entry carries the whole codebook to restore onto; only a code's entry counts its codes.
    .map(({ model, ...row }) => ({ ...row, codes: row.kind === 'code' ? model.codes.length : 0, documents: model.documents.length, codings: model.codings.length }));
}

/**
 * Merges one entry back. An entry whose codings lie on a document that is
 * itself in the trash stays (out of the list) until that document returns;
 * restoring a document then brings those codings back too.
 */
export function restoreFromTrash(project: Project, id: number) {
  const payloadOf = project.stmt('SELECT payload FROM trash WHERE id = ?').pluck();
  const payload = payloadOf.get(id) as string | undefined;
  if (payload === undefined) return null;
  const settle = (entry: number, model: Interchange) => {
    const summary = mergeInto(project, model);
    if (!summary.conflicts.some((c) => c.reason === 'document_missing')) project.stmt('DELETE FROM trash WHERE id = ?').run(entry);
    return summary;
  };
  const summary = settle(id, JSON.parse(payload) as Interchange);
  const listed = new Set(listTrash(project).map((t) => t.id));
  for (const waiting of project.stmt('SELECT id, payload FROM trash').all() as { id: number; payload: string }[]) {
    if (!listed.has(waiting.id)) settle(waiting.id, JSON.parse(waiting.payload) as Interchange);
  }
  return summary;
}

export function emptyTrash(project: Project, ids?: readonly number[]): number {
  if (!ids) return project.stmt('DELETE FROM trash').run().changes;
  const remove = project.stmt('DELETE FROM trash WHERE id = ?');
  return ids.reduce((n, id) => n + remove.run(id).changes, 0);
}
