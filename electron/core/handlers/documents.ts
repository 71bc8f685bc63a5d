import { AppError } from '../../../shared/api/errors';
import type { DocumentFull, DocumentSummary, Turn } from '../../../shared/model/types';
import { diskSource, failedOutcome, importSources, scanPaths, uploadSource } from '../importers/importBatch';
import { previewSurvey } from '../importers/survey';
import type { Project } from '../project';
import { readDocumentTurns, readSpeakers } from '../store/documentTurns';
import { trashDocument } from '../store/trash';
import { batch, type HandlersFor } from './types';
import { rowUuid } from '../store/rowUuid';

interface DocumentRow {
  id: number;
  name: string;
  source_name: string;
  content_hash: string;
  imported_at: string;
  length: number;
  coding_count: number;
  format: string;
  import_details: string;
}

const summaryColumns = `d.id, d.name, d.source_name, d.content_hash, d.imported_at, d.length, d.format, d.import_details,
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
    format: row.format,
    importDetails: JSON.parse(row.import_details) as Record<string, string | number>,
  };
}

export function documentSummary(project: Project, id: number): DocumentSummary {
  const row = project.stmt(`SELECT ${summaryColumns} FROM documents d WHERE d.id = ?`).get(id) as DocumentRow | undefined;
  if (!row) throw new AppError('not_found', { what: 'Document', name: String(id) });
  return toSummary(row);
}

/** Speakers that no longer speak in any document go with their last document. */
export function removeSilentSpeakers(project: Project): void {
  project.stmt('DELETE FROM speakers WHERE NOT EXISTS (SELECT 1 FROM speaker_documents sd WHERE sd.speaker_id = speakers.id)').run();
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
    return { ...summary, text, memo: documentMemo(project, id) } satisfies DocumentFull;
  },

  'documents.scanPaths': ({ paths }) => scanPaths(paths),

  'documents.importFiles': batch(async ({ paths, survey }, core) => {
    const project = core.requireProject();
    const { files, missing } = scanPaths(paths);
    const outcomes = missing.map((file) => failedOutcome(file, new AppError('file_missing', { file })));
    return [...outcomes, ...(await importSources(project, files.map(diskSource), { survey, coder: core.currentCoder(project) }))];
  }),

  'documents.importUploads': batch(async ({ files, survey }, core) => {
    const project = core.requireProject();
    return importSources(project, files.map(uploadSource), { survey, coder: core.currentCoder(project) });
  }),

  'documents.previewSurvey': ({ path, upload }) => {
    if (upload) {
      const source = uploadSource(upload);
      return previewSurvey(source.read(), source.fileName);
    }
    if (!path) throw new AppError('validation', { op: 'documents.previewSurvey', detail: 'give a path or an upload' });
    const source = diskSource(path);
    return previewSurvey(source.read(), source.fileName);
  },

  'documents.turns': ({ documentId }, core) => {
    const project = core.requireProject();
    documentSummary(project, documentId);
    const speakers = readSpeakers(project);
    return readDocumentTurns(project, documentId)
      .records(documentId)
      .map(({ id, speakerId, ...place }): Turn => {
        const { name, isInterviewer } = speakers.get(speakerId)!;
        return { id, speaker: name, isInterviewer, ...place };
      });
  },

  'documents.rename': ({ id, name }, core) => {
    const project = core.requireProject();
    documentSummary(project, id);
    const clash = project.stmt('SELECT id FROM documents WHERE name = ? AND id <> ?').get(name, id);
    if (clash) throw new AppError('file_exists', { file: name });
    project.stmt('UPDATE documents SET name = ? WHERE id = ?').run(name, id);
    return documentSummary(project, id);
  },

  'documents.setMemo': ({ id, memo }, core) => {
    const project = core.requireProject();
    documentSummary(project, id);
    const previous = documentMemo(project, id);
    const now = new Date().toISOString();
    project
      .stmt(
        `INSERT INTO memos(uuid, document_id, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (document_id) WHERE document_id IS NOT NULL AND code_id IS NULL DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
      )
      .run(rowUuid(), id, memo, now, now);
    return { memo, previous };
  },

  'documents.delete': ({ id }, core) => {
    const project = core.requireProject();
    const { codingCount, name } = documentSummary(project, id);
    trashDocument(project, id, name);
    project.stmt('DELETE FROM documents WHERE id = ?').run(id);
    removeSilentSpeakers(project);
    project.forgetDocumentText(id);
    return { deletedCodings: codingCount };
  },
};

function documentMemo(project: Project, documentId: number): string {
  const row = project.stmt('SELECT body FROM memos WHERE document_id = ? AND code_id IS NULL').get(documentId) as { body: string } | undefined;
  return row?.body ?? '';
}
