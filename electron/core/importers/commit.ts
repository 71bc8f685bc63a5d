/**
 * Writing one parsed document into the project, inside the caller's
 * transaction: the document, its speaker turns (from the format, or detected
 * in the text), the speakers (interviewer labels marked as such), and a case
 * for every other speaker — created, or matched by name — linked to the
 * document. What needs no project was worked out before (prepared.ts).
 */
import { defaultInterviewerLabels, isInterviewerLabel } from '../../../shared/text/speakers';
import type { Project } from '../project';
import { prepareDocument, type PreparedDocument } from './prepared';
import type { ParsedDocument } from './types';
import { rowUuid } from '../store/rowUuid';
import { DocumentTurns, writeNewDocumentTurns } from '../store/documentTurns';

export interface CommittedDocument {
  documentId: number;
  name: string;
  length: number;
  speakers: string[];
}

/** The labels that mark an interviewer's turns: the project's own, or the defaults. */
export function interviewerLabels(project: Project): string[] {
  const stored = project.meta('interviewer_labels');
  if (!stored) return defaultInterviewerLabels;
  try {
    const parsed: unknown = JSON.parse(stored);
    return Array.isArray(parsed) ? parsed.filter((l): l is string => typeof l === 'string') : defaultInterviewerLabels;
  } catch {
    return defaultInterviewerLabels;
  }
}

export function uniqueDocumentName(project: Project, wanted: string): string {
  const taken = project.stmt('SELECT 1 FROM documents WHERE name = ?');
  if (!taken.get(wanted)) return wanted;
  for (let n = 2; ; n++) {
    const candidate = `${wanted} (${n})`;
    if (!taken.get(candidate)) return candidate;
  }
}

/** The id of the case with this name, created if there is none. */
export function ensureCase(project: Project, name: string): number {
  const existing = project.stmt('SELECT id FROM cases WHERE name = ?').get(name) as { id: number } | undefined;
  if (existing) return existing.id;
  return Number(project.stmt('INSERT INTO cases(uuid, name) VALUES (?, ?)').run(rowUuid(), name).lastInsertRowid);
}

export function linkCaseToDocument(project: Project, caseId: number, documentId: number): void {
  project.stmt('INSERT OR IGNORE INTO case_documents(case_id, document_id) VALUES (?, ?)').run(caseId, documentId);
}

function ensureSpeaker(project: Project, name: string, labels: readonly string[]): { id: number; isInterviewer: boolean; caseId: number | null } {
  const existing = project.stmt('SELECT id, is_interviewer, case_id FROM speakers WHERE name = ?').get(name) as
    | { id: number; is_interviewer: number; case_id: number | null }
    | undefined;
  if (existing) return { id: existing.id, isInterviewer: existing.is_interviewer === 1, caseId: existing.case_id };
  const isInterviewer = isInterviewerLabel(name, labels);
  const caseId = isInterviewer ? null : ensureCase(project, name);
  const id = Number(project.stmt('INSERT INTO speakers(name, is_interviewer, case_id) VALUES (?, ?, ?)').run(name, isInterviewer ? 1 : 0, caseId).lastInsertRowid);
  return { id, isInterviewer, caseId };
}

/** A parsed document written whole, prepared first (see prepared.ts). */
export function commitDocument(
  project: Project,
  parsed: ParsedDocument,
  source: { name: string; fileName: string; hash?: string },
  labels: readonly string[] = interviewerLabels(project),
): CommittedDocument {
  return commitPrepared(project, prepareDocument(parsed, source.hash), source, labels);
}

export function commitPrepared(project: Project, prepared: PreparedDocument, source: { name: string; fileName: string }, labels: readonly string[]): CommittedDocument {
  const name = uniqueDocumentName(project, source.name);
  const documentId = Number(
    project
      .stmt(
        // The text goes in as its UTF-8, read as text: the database stores UTF-8, so nothing is converted.
        `INSERT INTO documents(uuid, name, source_name, content_hash, imported_at, text, length, format, import_details)
         VALUES (?, ?, ?, ?, ?, CAST(? AS TEXT), ?, ?, ?)`,
      )
      .run(
        rowUuid(),
        name,
        source.fileName,
        prepared.hash,
        new Date().toISOString(),
        Buffer.from(prepared.utf8.buffer, prepared.utf8.byteOffset, prepared.utf8.byteLength),
        prepared.length,
        prepared.format,
        JSON.stringify(prepared.details),
      ).lastInsertRowid,
  );

  // A transcript has a handful of speakers and hundreds of turns: each speaker is looked up once.
  const speakerIds = prepared.speakers.map((speakerName) => {
    const speaker = ensureSpeaker(project, speakerName, labels);
    if (speaker.caseId !== null) linkCaseToDocument(project, speaker.caseId, documentId);
    return speaker.id;
  });
  writeNewDocumentTurns(project, documentId, DocumentTurns.prepared(prepared.turns, prepared.times, speakerIds));
  return { documentId, name, length: prepared.length, speakers: prepared.speakers };
}
