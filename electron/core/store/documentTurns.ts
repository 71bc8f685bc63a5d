/**
 * A document's speaker turns, stored as one row: every reader wants all of a
 * document's turns in order (the document view, the Speakers panel, word
 * counts, NEAR/TURN queries, agreement units, exports) or the one a coding
 * starts in, which a binary search over them finds. As rows, with an index,
 * the 160,000 turns of a thousand transcripts took longer to write than the
 * transcripts' text.
 *
 * `turns` holds four 32-bit integers a turn (speaker id, start, content
 * start, end, in code points), `times` two 64-bit floats a turn (start and
 * end in ms, NaN where the format gives none) or NULL when no turn has a
 * time; both little-endian, the byte order of every machine Electron runs on.
 */
import type { Project } from '../project';

const intsPerTurn = 4;
const timesPerTurn = 2;

/**
 * A turn's id: its document and its place there. Two turns of a project
 * never share one, and ids stay below 2^53 while a document has fewer than
 * 2^21 turns and the project fewer than 2^32 documents.
 */
const turnsPerDocument = 2 ** 21;
export const turnId = (documentId: number, index: number): number => documentId * turnsPerDocument + index;

export interface StoredTurn {
  id: number;
  speakerId: number;
  start: number;
  contentStart: number;
  end: number;
  timeStartMs: number | null;
  timeEndMs: number | null;
}

export class DocumentTurns {
  static readonly none = new DocumentTurns(new Int32Array(0), null);

  constructor(
    private readonly ints: Int32Array,
    private readonly times: Float64Array | null,
  ) {}

  get length(): number {
    return this.ints.length / intsPerTurn;
  }

  speakerId(i: number): number {
    return this.ints[i * intsPerTurn]!;
  }

  start(i: number): number {
    return this.ints[i * intsPerTurn + 1]!;
  }

  contentStart(i: number): number {
    return this.ints[i * intsPerTurn + 2]!;
  }

  end(i: number): number {
    return this.ints[i * intsPerTurn + 3]!;
  }

  timeStartMs(i: number): number | null {
    const time = this.times?.[i * timesPerTurn] ?? NaN;
    return Number.isNaN(time) ? null : time;
  }

  timeEndMs(i: number): number | null {
    const time = this.times?.[i * timesPerTurn + 1] ?? NaN;
    return Number.isNaN(time) ? null : time;
  }

  /** Every turn as a record, in order; `documentId` gives them their ids. */
  records(documentId: number): StoredTurn[] {
    return Array.from({ length: this.length }, (_, i) => ({
      id: turnId(documentId, i),
      speakerId: this.speakerId(i),
      start: this.start(i),
      contentStart: this.contentStart(i),
      end: this.end(i),
      timeStartMs: this.timeStartMs(i),
      timeEndMs: this.timeEndMs(i),
    }));
  }

  /** The turn a position falls in: the last one starting at or before it, if it ends after it; -1 if none. */
  indexAt(position: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.start(mid) <= position) lo = mid + 1;
      else hi = mid;
    }
    const i = lo - 1;
    return i >= 0 && position < this.end(i) ? i : -1;
  }

  /** The same turns with one speaker's id replaced by another's (speakers merged). */
  withSpeaker(from: number, to: number): DocumentTurns {
    const ints = this.ints.slice();
    for (let i = 0; i < ints.length; i += intsPerTurn) if (ints[i] === from) ints[i] = to;
    return new DocumentTurns(ints, this.times);
  }

  /** The two columns this is stored as. */
  columns(): [Buffer, Buffer | null] {
    const bytes = (array: Int32Array | Float64Array) => Buffer.from(array.buffer, array.byteOffset, array.byteLength);
    return [bytes(this.ints), this.times && bytes(this.times)];
  }

  /** A prepared document's turns (speakers named by their index in `speakerIds`) with the speakers' ids. */
  static prepared(turns: Int32Array, times: Float64Array, speakerIds: readonly number[]): DocumentTurns {
    const ints = turns.slice();
    for (let i = 0; i < ints.length; i += intsPerTurn) ints[i] = speakerIds[ints[i]!]!;
    return DocumentTurns.inOrder(ints, times.some((time) => !Number.isNaN(time)) ? times : null);
  }

  /** Turns in the order of their starts, which a search for a position relies on: a subtitle file's cues may come in any order. */
  static inOrder(ints: Int32Array, times: Float64Array | null): DocumentTurns {
    const count = ints.length / intsPerTurn;
    let sorted = true;
    for (let i = 1; i < count && sorted; i++) sorted = ints[(i - 1) * intsPerTurn + 1]! <= ints[i * intsPerTurn + 1]!;
    if (sorted) return new DocumentTurns(ints, times);
    const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => ints[a * intsPerTurn + 1]! - ints[b * intsPerTurn + 1]! || a - b);
    const orderedInts = new Int32Array(ints.length);
    const orderedTimes = times && new Float64Array(times.length);
    order.forEach((from, to) => {
      orderedInts.set(ints.subarray(from * intsPerTurn, (from + 1) * intsPerTurn), to * intsPerTurn);
      orderedTimes?.set(times!.subarray(from * timesPerTurn, (from + 1) * timesPerTurn), to * timesPerTurn);
    });
    return new DocumentTurns(orderedInts, orderedTimes);
  }

  static fromColumns(turns: Buffer, times: Buffer | null): DocumentTurns {
    return new DocumentTurns(new Int32Array(aligned(turns, 4)), times && new Float64Array(aligned(times, 8)));
  }
}

/** The bytes in an ArrayBuffer of their own: a typed array cannot view a buffer from an offset its element size does not divide. */
function aligned(bytes: Buffer, size: number): ArrayBuffer {
  if (bytes.byteLength % size !== 0) throw new Error(`stored turns of ${bytes.byteLength} bytes are not whole ${size}-byte values`);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** Turns as a writer collects them, then packed into the stored form. */
export class TurnsBuilder {
  private ints: number[] = [];
  private times: number[] = [];
  private timed = false;

  add(speakerId: number, start: number, contentStart: number, end: number, timeStartMs: number | null, timeEndMs: number | null): void {
    this.ints.push(speakerId, start, contentStart, end);
    this.times.push(timeStartMs ?? NaN, timeEndMs ?? NaN);
    if (timeStartMs !== null || timeEndMs !== null) this.timed = true;
  }

  build(): DocumentTurns {
    return DocumentTurns.inOrder(Int32Array.from(this.ints), this.timed ? Float64Array.from(this.times) : null);
  }
}

/** A document's turns as stored (none, if it has none). */
export function readDocumentTurns(project: Project, documentId: number): DocumentTurns {
  const row = project.stmt('SELECT turns, times FROM document_turns WHERE document_id = ?').get(documentId) as { turns: Buffer; times: Buffer | null } | undefined;
  return row ? DocumentTurns.fromColumns(row.turns, row.times) : DocumentTurns.none;
}

/** Each document's turns, read once however often asked: for readers that visit many codings of many documents. */
export function documentTurnsReader(project: Project): (documentId: number) => DocumentTurns {
  const read = new Map<number, DocumentTurns>();
  return (documentId) => {
    let turns = read.get(documentId);
    if (!turns) read.set(documentId, (turns = readDocumentTurns(project, documentId)));
    return turns;
  };
}

/** What the speaker ids in turns name. */
export function readSpeakers(project: Project): Map<number, { name: string; isInterviewer: boolean }> {
  const rows = project.stmt('SELECT id, name, is_interviewer FROM speakers').raw(true).all() as [number, string, number][];
  return new Map(rows.map(([id, name, interviewer]) => [id, { name, isInterviewer: interviewer === 1 }]));
}

const countTurns =
  'INSERT INTO speaker_documents(speaker_id, document_id, turns) VALUES (?, ?, ?) ON CONFLICT (speaker_id, document_id) DO UPDATE SET turns = turns + excluded.turns';

/**
 * Writes a new document's turns and with them how many turns each speaker
 * has in the document (`speaker_documents`), inside the caller's
 * transaction: every writer of a new document's turns comes here, so the two
 * stay in step.
 */
export function writeNewDocumentTurns(project: Project, documentId: number, turns: DocumentTurns): void {
  storeDocumentTurns(project, documentId, turns);
  const turnsOf = new Map<number, number>();
  for (let i = 0; i < turns.length; i++) turnsOf.set(turns.speakerId(i), (turnsOf.get(turns.speakerId(i)) ?? 0) + 1);
  const count = project.stmt(countTurns);
  for (const [speakerId, n] of turnsOf) count.run(speakerId, documentId, n);
}

/** Stores a document's turns in place of any it had, inside the caller's transaction. */
export function storeDocumentTurns(project: Project, documentId: number, turns: DocumentTurns): void {
  if (turns.length === 0) {
    project.stmt('DELETE FROM document_turns WHERE document_id = ?').run(documentId);
    return;
  }
  const [ints, times] = turns.columns();
  // An update where there were turns, so that what watches updates (liveCodings.ts, textsVersion.ts) sees it.
  project
    .stmt('INSERT INTO document_turns(document_id, turns, times) VALUES (?, ?, ?) ON CONFLICT (document_id) DO UPDATE SET turns = excluded.turns, times = excluded.times')
    .run(documentId, ints, times);
}
