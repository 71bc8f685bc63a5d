/**
 * Speakers found on import. Renaming onto an existing name, or merging,
 * moves every turn to one speaker; marking a speaker as interviewer detaches
 * it from its case; naming a case links the speaker (and every document it
 * speaks in) to that case, created if new.
 */
import { AppError } from '../../../shared/api/errors';
import type { Speaker } from '../../../shared/model/types';
import { ensureCase } from '../importers/commit';
import type { Project } from '../project';
import { readDocumentTurns, storeDocumentTurns } from '../store/documentTurns';
import type { HandlersFor } from './types';

function listSpeakers(project: Project, onlyId?: number): Speaker[] {
  const rows = project
    .stmt(
      `SELECT s.id, s.name, s.is_interviewer, s.case_id, c.name AS case_name,
         (SELECT coalesce(sum(sd.turns), 0) FROM speaker_documents sd WHERE sd.speaker_id = s.id) AS turn_count,
         (SELECT group_concat(name, char(31)) FROM (SELECT d.name FROM documents d WHERE d.id IN (SELECT sd.document_id FROM speaker_documents sd WHERE sd.speaker_id = s.id) ORDER BY d.name)) AS documents
       FROM speakers s LEFT JOIN cases c ON c.id = s.case_id
       WHERE @id IS NULL OR s.id = @id
       ORDER BY s.is_interviewer DESC, s.name COLLATE NOCASE`,
    )
    .all({ id: onlyId ?? null }) as {
    id: number;
    name: string;
    is_interviewer: number;
    case_id: number | null;
    case_name: string | null;
    turn_count: number;
    documents: string | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    isInterviewer: r.is_interviewer === 1,
    caseId: r.case_id,
    caseName: r.case_name,
    turnCount: r.turn_count,
    documents: r.documents ? r.documents.split('\u001f') : [],
  }));
}

function getSpeaker(project: Project, id: number): Speaker {
  const speaker = listSpeakers(project, id)[0];
  if (!speaker) throw new AppError('not_found', { what: 'Speaker', name: String(id) });
  return speaker;
}

/** Link the speaker's case to every document the speaker appears in. */
function linkDocuments(project: Project, speakerId: number): void {
  project
    .stmt(
      `INSERT OR IGNORE INTO case_documents(case_id, document_id)
       SELECT s.case_id, sd.document_id FROM speaker_documents sd JOIN speakers s ON s.id = sd.speaker_id
       WHERE s.id = ? AND s.case_id IS NOT NULL`,
    )
    .run(speakerId);
}

function merge(project: Project, sourceId: number, targetId: number): void {
  // The documents the speaker speaks in are the ones whose turns name it.
  for (const documentId of project.stmt('SELECT document_id FROM speaker_documents WHERE speaker_id = ?').pluck().all(sourceId) as number[]) {
    storeDocumentTurns(project, documentId, readDocumentTurns(project, documentId).withSpeaker(sourceId, targetId));
  }
  project
    .stmt(
      `INSERT INTO speaker_documents(speaker_id, document_id, turns) SELECT ?, document_id, turns FROM speaker_documents WHERE speaker_id = ?
       ON CONFLICT (speaker_id, document_id) DO UPDATE SET turns = turns + excluded.turns`,
    )
    .run(targetId, sourceId);
  project.stmt('DELETE FROM speaker_documents WHERE speaker_id = ?').run(sourceId);
  project.stmt('DELETE FROM speakers WHERE id = ?').run(sourceId);
  linkDocuments(project, targetId);
}

export const speakerHandlers: HandlersFor<'speakers'> = {
  'speakers.list': (_input, core) => listSpeakers(core.requireProject()),

  'speakers.update': ({ id, name, isInterviewer, caseName }, core) => {
    const project = core.requireProject();
    let speaker = getSpeaker(project, id);
    if (name !== undefined && name !== speaker.name) {
      const other = project.stmt('SELECT id FROM speakers WHERE name = ? AND id <> ?').get(name, id) as { id: number } | undefined;
      if (other) {
        merge(project, id, other.id);
        speaker = getSpeaker(project, other.id);
      } else {
        project.stmt('UPDATE speakers SET name = ? WHERE id = ?').run(name, id);
      }
    }
    if (isInterviewer !== undefined) {
      project.stmt('UPDATE speakers SET is_interviewer = ?, case_id = CASE WHEN ? THEN NULL ELSE case_id END WHERE id = ?').run(isInterviewer ? 1 : 0, isInterviewer ? 1 : 0, speaker.id);
    }
    if (caseName !== undefined) {
      project.stmt('UPDATE speakers SET case_id = ? WHERE id = ?').run(caseName === null ? null : ensureCase(project, caseName), speaker.id);
      linkDocuments(project, speaker.id);
    }
    return getSpeaker(project, speaker.id);
  },

  'speakers.merge': ({ sourceId, targetId }, core) => {
    const project = core.requireProject();
    getSpeaker(project, sourceId);
    getSpeaker(project, targetId);
    if (sourceId !== targetId) merge(project, sourceId, targetId);
    return getSpeaker(project, targetId);
  },
};
