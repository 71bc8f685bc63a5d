import { AppError } from '../../../shared/api/errors';
import type { DocumentFull, DocumentSummary } from '../../../shared/model/types';
import { importFromDisk, importFromUploads } from '../importers/importBatch';
import type { Project } from '../project';
import { batch, type HandlersFor } from './types';

interface DocumentRow {
  id: number;
  name: string;
  source_name: string;
  content_hash: string;
  imported_at: string;
  length: number;
  coding_count: number;
}

const summaryColumns = `d.id, d.name, d.source_name, d.content_hash, d.imported_at, d.length,
  (SELECT count(*) FROM codings c WHERE c.document_id = d.id) AS coding_count`;

function toSummary(row: DocumentRow): DocumentSummary {
  return {
    id: row.id,
    name: row.name,
    sourceName: row.source_name,
    contentHash: row.content_hash,
    importedAt: row.imported_at,
    length: row.length,
    codingCount: row.coding_count,
  };
}

export function documentSummary(project: Project, id: number): DocumentSummary {
  const row = project.stmt(`SELECT ${summaryColumns} FROM documents d WHERE d.id = ?`).get(id) as DocumentRow | undefined;
  if (!row) throw new AppError('not_found', { what: 'Document', name: String(id) });
  return toSummary(row);
}

export const documentHandlers: HandlersFor<'documents'> = {
  'documents.list': (_input, core) => {
    const project = core.requireProject();
    const rows = project.stmt(`SELECT ${summaryColumns} FROM documents d ORDER BY d.name COLLATE NOCASE`).all() as DocumentRow[];
    return rows.map(toSummary);
  },

  'documents.get': ({ id }, core) => {
    const project = core.requireProject();
    const summary = documentSummary(project, id);
    const text = project.documentText(id)!.text;
    return { ...summary, text } satisfies DocumentFull;
  },

  'documents.importFiles': batch(async ({ paths }, core) => importFromDisk(core.requireProject(), paths)),

  'documents.importUploads': batch(async ({ files }, core) => importFromUploads(core.requireProject(), files)),

  'documents.rename': ({ id, name }, core) => {
    const project = core.requireProject();
    documentSummary(project, id);
    const clash = project.stmt('SELECT id FROM documents WHERE name = ? AND id <> ?').get(name, id);
    if (clash) throw new AppError('file_exists', { file: name });
    project.stmt('UPDATE documents SET name = ? WHERE id = ?').run(name, id);
    return documentSummary(project, id);
  },

  'documents.delete': ({ id }, core) => {
    const project = core.requireProject();
    const { codingCount } = documentSummary(project, id);
    project.stmt('DELETE FROM documents WHERE id = ?').run(id);
    project.forgetDocumentText(id);
    return { deletedCodings: codingCount };
  },
};
