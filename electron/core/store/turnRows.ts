/**
 * Writing a new document's speaker turns (as one row, see documentTurns.ts)
 * and with them how many turns each speaker has in the document
 * (`speaker_documents`): every writer of turns goes through here, so the two
 * stay in step.
 */
import type { Project } from '../project';
import { type DocumentTurns, storeDocumentTurns, TurnsBuilder } from './documentTurns';

const countTurns =
  'INSERT INTO speaker_documents(speaker_id, document_id, turns) VALUES (?, ?, ?) ON CONFLICT (speaker_id, document_id) DO UPDATE SET turns = turns + excluded.turns';

/** Writes a new document's turns, inside the caller's transaction. */
export function writeTurns(project: Project, documentId: number, turns: DocumentTurns): void {
  storeDocumentTurns(project, documentId, turns);
  const turnsOf = new Map<number, number>();
  for (let i = 0; i < turns.length; i++) turnsOf.set(turns.speakerId(i), (turnsOf.get(turns.speakerId(i)) ?? 0) + 1);
  const count = project.stmt(countTurns);
  for (const [speakerId, n] of turnsOf) count.run(speakerId, documentId, n);
}

/** Collects one new document's turns (offsets in code points, in order) and writes them when told to. */
export class TurnWriter {
  private readonly turns = new TurnsBuilder();

  constructor(
    private readonly project: Project,
    private readonly documentId: number,
  ) {}

  add(speakerId: number, start: number, contentStart: number, end: number, timeStartMs: number | null, timeEndMs: number | null): void {
    this.turns.add(speakerId, start, contentStart, end, timeStartMs, timeEndMs);
  }

  write(): void {
    writeTurns(this.project, this.documentId, this.turns.build());
  }
}
