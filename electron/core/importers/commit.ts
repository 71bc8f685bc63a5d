/**
 * Writing one parsed document into the project, inside the caller's
 * transaction: the document, its speaker turns (from the format, or detected
 * in the text), the speakers (interviewer labels marked as such), and a case
 * for every other speaker — created, or matched by name — linked to the
 * document. Turn offsets are converted from UTF-16 to code points here.
 */
import { createHash } from 'node:crypto';
import { CodePointIndex } from '../../../shared/text/codepoints';
import { defaultInterviewerLabels, detectSpeakerTurns, isInterviewerLabel } from '../../../shared/text/speakers';
import type { Project } from '../project';
import type { ParsedDocument, ParsedTurn } from './types';
import { rowUuid } from '../store/rowUuid';
import { TurnWriter } from '../store/turnRows';

export interface CommittedDocument {
  documentId: number;
  name: string;
  length: number;
  speakers: string[];
}

/** Of the text, or of its UTF-8: the same hash. */
export function contentHash(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
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

/** Whether UTF-8 holds a character beyond the BMP: a lead byte F0–F4, found natively (memchr) rather than by scanning the string for surrogate pairs. */
function hasFourByteSequence(utf8: Uint8Array): boolean {
  const bytes = Buffer.from(utf8.buffer, utf8.byteOffset, utf8.byteLength);
  return [0xf0, 0xf1, 0xf2, 0xf3, 0xf4].some((lead) => bytes.includes(lead));
}

export function commitDocument(
  project: Project,
  parsed: ParsedDocument,
  source: { name: string; fileName: string; hash?: string },
  labels: readonly string[] = interviewerLabels(project),
): CommittedDocument {
  const index = new CodePointIndex(parsed.text, parsed.utf8 && !hasFourByteSequence(parsed.utf8) ? [] : undefined);
  const name = uniqueDocumentName(project, source.name);
  const documentId = Number(
    project
      .stmt(
        `INSERT INTO documents(uuid, name, source_name, content_hash, imported_at, text, length, format, import_details)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        rowUuid(),
        name,
        source.fileName,
        source.hash ?? contentHash(parsed.text),
        new Date().toISOString(),
        parsed.text,
        index.length,
        parsed.format,
        JSON.stringify(parsed.details),
      ).lastInsertRowid,
  );

  // Written out rather than spread: a spread per turn took longer than detecting the turns.
  const turns: ParsedTurn[] =
    parsed.turns ??
    detectSpeakerTurns(parsed.text).map((t) => ({ speaker: t.speaker, start: t.start, contentStart: t.contentStart, end: t.end, timeStartMs: t.timeMs, timeEndMs: null }));
  const turnRows = new TurnWriter(project, documentId);
  // A transcript has a handful of speakers and hundreds of turns: look each speaker up once.
  const speakers = new Map<string, number>();
  for (const turn of turns) {
    let speakerId = speakers.get(turn.speaker);
    if (speakerId === undefined) {
      const speaker = ensureSpeaker(project, turn.speaker, labels);
      if (speaker.caseId !== null) linkCaseToDocument(project, speaker.caseId, documentId);
      speakerId = speaker.id;
      speakers.set(turn.speaker, speakerId);
    }
    turnRows.add(speakerId, index.toCodePoint(turn.start), index.toCodePoint(turn.contentStart), index.toCodePoint(turn.end), turn.timeStartMs, turn.timeEndMs);
  }
  turnRows.write();
  return { documentId, name, length: index.length, speakers: [...speakers.keys()] };
}
