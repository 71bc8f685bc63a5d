/**
 * Writing speaker turns, many rows to a statement (a transcript has hundreds
 * of turns, and a call into SQLite for each of them cost more than the rows
 * it wrote), and with them how many turns each speaker has in the document
 * (`speaker_documents`): every writer of turns goes through here, so the two
 * stay in step.
 */
import type { Project } from '../project';

const rowsPerStatement = 16;
const columns = 7;
const insertOf = (rows: number) =>
  `INSERT INTO turns(document_id, speaker_id, start, content_start, "end", time_start_ms, time_end_ms) VALUES ${Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`;
const insertMany = insertOf(rowsPerStatement);
const insertOne = insertOf(1);

const countTurns =
  'INSERT INTO speaker_documents(speaker_id, document_id, turns) VALUES (?, ?, ?) ON CONFLICT (speaker_id, document_id) DO UPDATE SET turns = turns + excluded.turns';

/** Collects one document's turns (offsets in code points) and writes them when told to, inside the caller's transaction. */
export class TurnWriter {
  private values: (number | null)[] = [];
  private readonly turnsOf = new Map<number, number>();

  constructor(
    private readonly project: Project,
    private readonly documentId: number,
  ) {}

  add(speakerId: number, start: number, contentStart: number, end: number, timeStartMs: number | null, timeEndMs: number | null): void {
    this.values.push(this.documentId, speakerId, start, contentStart, end, timeStartMs, timeEndMs);
    this.turnsOf.set(speakerId, (this.turnsOf.get(speakerId) ?? 0) + 1);
  }

  write(): void {
    const values = this.values;
    const width = columns * rowsPerStatement;
    let at = 0;
    if (values.length >= width) {
      const many = this.project.stmt(insertMany);
      for (; at + width <= values.length; at += width) many.run(values.slice(at, at + width));
    }
    if (at < values.length) {
      const one = this.project.stmt(insertOne);
      for (; at < values.length; at += columns) one.run(values.slice(at, at + columns));
    }
    const count = this.project.stmt(countTurns);
    for (const [speakerId, turns] of this.turnsOf) count.run(speakerId, this.documentId, turns);
    this.values = [];
    this.turnsOf.clear();
  }
}
