/**
 * Every coding as an analysis fact (its coder, the speaker turn it starts
 * in, its cases), kept in step with the project instead of read again after
 * each change: reading 80,000 codings with their turns and building their
 * facts costs 300-400 ms, which a co-occurrence re-run after one coding would
 * otherwise wait for.
 *
 * Temporary triggers (on this connection only: no schema change) note what
 * a fact is made from: each coding inserted, updated or deleted, each
 * document whose turns or cases changed, each speaker and coder changed.
 * They call a function of ours rather than write to a table, which would
 * cost every coding a second write. Every few hundred codings, and before
 * every read, the facts noted are made again from the rows as they are
 * then, so a change rolled back is simply read back as it was. A change
 * made through another connection (the CLI on the same file) shows in
 * SQLite's data version, and then everything is read again.
 */
import type { CodingFact } from '../../../shared/analysis/cooccurrence';
import type { Project } from '../project';
import { type DocumentTurns, documentTurnsReader, turnId } from '../store/documentTurns';

type Kind = 'coding' | 'turns' | 'document_cases' | 'speaker' | 'coder';

/** The SQL function the triggers call: it notes a change in the log of the connection's live codings. */
const noteFunction = 'tematik_note_fact_change';

const logged = (table: string, event: 'INSERT' | 'UPDATE' | 'DELETE', kind: Kind, ids: string[], when?: string) =>
  `CREATE TEMP TRIGGER IF NOT EXISTS note_${table}_${event.toLowerCase()} AFTER ${event} ON main.${table} ${when ? `WHEN ${when}` : ''} BEGIN
     SELECT ${ids.map((id) => `${noteFunction}('${kind}', ${id})`).join(', ')};
   END;`;

// An imported document's cases come before any coding of it: no fact can change then, and a call per link would slow every import.
const documentHasCodings = 'EXISTS (SELECT 1 FROM main.codings WHERE document_id = new.document_id)';

const triggers = [
  logged('codings', 'INSERT', 'coding', ['new.id']),
  logged('codings', 'UPDATE', 'coding', ['old.id', 'new.id']),
  logged('codings', 'DELETE', 'coding', ['old.id']),
  // No trigger on inserted turns: a document's turns are written with it (an import, a merge), before any coding
  // of it. Turns written again in place of others (speakers merged) are an update.
  logged('document_turns', 'UPDATE', 'turns', ['old.document_id', 'new.document_id']),
  logged('document_turns', 'DELETE', 'turns', ['old.document_id']),
  logged('case_documents', 'INSERT', 'document_cases', ['new.document_id'], documentHasCodings),
  logged('case_documents', 'DELETE', 'document_cases', ['old.document_id']),
  // A new speaker or coder is in no fact yet: it is read when a fact first names it.
  logged('speakers', 'UPDATE', 'speaker', ['old.id']),
  logged('speakers', 'DELETE', 'speaker', ['old.id']),
  logged('coders', 'UPDATE', 'coder', ['old.id']),
  logged('coders', 'DELETE', 'coder', ['old.id']),
].join('\n');

const codingSelect = 'SELECT k.id, k.document_id, k.code_id, k.start, k."end", k.coder_id, k.created_at, k.memo FROM codings k';

type CodingRow = [id: number, documentId: number, codeId: number, start: number, end: number, coderId: number, createdAt: string, memo: string | null];

type Row = [
  id: number,
  documentId: number,
  codeId: number,
  start: number,
  end: number,
  coderId: number,
  turnId: number | null,
  speakerId: number | null,
  timeStartMs: number | null,
  createdAt: string,
  memo: string | null,
];

/** What an export row needs of a coding beyond its fact. */
export interface CodingDetail {
  coderId: number;
  speakerId: number | null;
  /** The cue time of the turn it starts in. */
  timeStartMs: number | null;
  createdAt: string;
  memo: string | null;
}

/** A coding's row with the speaker turn it starts in. */
function withTurn([id, documentId, codeId, start, end, coderId, createdAt, memo]: CodingRow, turnsOf: (documentId: number) => DocumentTurns): Row {
  const turns = turnsOf(documentId);
  const turn = turns.indexAt(start);
  if (turn === -1) return [id, documentId, codeId, start, end, coderId, null, null, null, createdAt, memo];
  return [id, documentId, codeId, start, end, coderId, turnId(documentId, turn), turns.speakerId(turn), turns.timeStartMs(turn), createdAt, memo];
}

const detailOf = (row: Row): CodingDetail => ({ coderId: row[5], speakerId: row[7], timeStartMs: row[8], createdAt: row[9], memo: row[10] });

/** Beyond this many changes of a kind, reading everything is quicker than placing each. */
const maxPlaced = 2000;
/** How many changed codings a write leaves for later: made again together, they cost far less than one at a time. */
const catchUpEvery = 200;

/** What a fact names besides its coding: coders by id, each speaker's case, each document's cases. */
interface Names {
  coders: Map<number, string>;
  speakerCases: Map<number, number | null>;
  documentCases: Map<number, number[]>;
}

function readNames(project: Project): Names {
  const documentCases = new Map<number, number[]>();
  for (const [documentId, caseId] of project.stmt('SELECT document_id, case_id FROM case_documents ORDER BY case_id').raw(true).all() as [number, number][]) {
    const list = documentCases.get(documentId);
    if (list) list.push(caseId);
    else documentCases.set(documentId, [caseId]);
  }
  return {
    coders: new Map(project.stmt('SELECT id, name FROM coders').raw(true).all() as [number, string][]),
    speakerCases: new Map(project.stmt('SELECT id, case_id FROM speakers').raw(true).all() as [number, number | null][]),
    documentCases,
  };
}

/** The cases of a coding are its turn's speaker's case, or else its document's. */
function makeFact(names: Names, [id, documentId, codeId, start, end, coderId, turnId, speakerId]: Row): CodingFact {
  const speakerCase = speakerId === null ? null : (names.speakerCases.get(speakerId) ?? null);
  return { id, documentId, codeId, start, end, coder: names.coders.get(coderId)!, turnId, caseIds: speakerCase !== null ? [speakerCase] : (names.documentCases.get(documentId) ?? []) };
}

/**
 * Every coding's fact and details, in id order. Row by row: a project's
 * worth of raw rows at once would double what the read holds at its peak.
 */
function readCodings(project: Project, fact: (row: Row) => CodingFact): { facts: CodingFact[]; details: CodingDetail[] } {
  const facts: CodingFact[] = [];
  const details: CodingDetail[] = [];
  const turnsOf = documentTurnsReader(project);
  for (const coding of project.stmt(`${codingSelect} ORDER BY k.id`).raw(true).iterate() as IterableIterator<CodingRow>) {
    const row = withTurn(coding, turnsOf);
    facts.push(fact(row));
    details.push(detailOf(row));
  }
  return { facts, details };
}

class LiveCodings {
  /**
   * In id order, and changed in place: a copy per change would cost a few
   * milliseconds a coding. Readers use it before their next write (every
   * analysis reads its facts at once).
   */
  private facts: CodingFact[] = [];
  /** Each fact's details, at the same positions. */
  private details: CodingDetail[] = [];
  private names!: Names;
  private dataVersion: number;
  /** What the triggers noted since the facts were last made; null once so much changed that reading everything is quicker. */
  private log: Map<Kind, Set<number>> | null = new Map();

  constructor(private readonly project: Project) {
    project.db.function(noteFunction, { deterministic: false, directOnly: false }, (kind: unknown, id: unknown) => {
      this.note(kind as Kind, Number(id));
      return null;
    });
    project.db.exec(triggers);
    this.dataVersion = this.currentDataVersion();
    this.readAll();
  }

  private note(kind: Kind, id: number): void {
    if (!this.log) return;
    let ids = this.log.get(kind);
    if (!ids) this.log.set(kind, (ids = new Set()));
    ids.add(id);
    if (ids.size > maxPlaced) this.log = null;
  }

  current(): { facts: readonly CodingFact[]; details: readonly CodingDetail[] } {
    const dataVersion = this.currentDataVersion();
    if (dataVersion !== this.dataVersion) {
      this.dataVersion = dataVersion;
      this.readAll();
    } else {
      this.catchUp();
    }
    return { facts: this.facts, details: this.details };
  }

  /**
   * After a write: a few hundred codings are made again in one read, which
   * costs each of them a fraction of what one read apiece would; the rest
   * waits for the next read of the facts.
   */
  catchUpIfBehind(): void {
    if (!this.log || (this.log.get('coding')?.size ?? 0) >= catchUpEvery) this.catchUp();
  }

  /**
   * Applies the log of this connection's changes. After a write there is no
   * need to ask whether another connection wrote: the next read asks, and
   * reads everything again if one did.
   */
  catchUp(): void {
    const log = this.log;
    if (!log) {
      this.readAll();
      return;
    }
    if (log.size === 0) return;
    this.log = new Map();
    const changed = (kind: Kind) => log.get(kind) ?? new Set<number>();
    const codings = changed('coding');
    const turns = changed('turns');
    const documentCases = changed('document_cases');
    const speakers = changed('speaker');
    const coders = changed('coder');
    if (documentCases.size + speakers.size + coders.size > 0) {
      // Facts whose cases or coder may have changed are made again.
      this.readNames();
      for (let i = 0; i < this.facts.length; i++) {
        const fact = this.facts[i]!;
        const { speakerId, coderId, timeStartMs, createdAt, memo } = this.details[i]!;
        if (documentCases.has(fact.documentId) || (speakerId !== null && speakers.has(speakerId)) || coders.has(coderId)) {
          this.facts[i] = this.fact([fact.id, fact.documentId, fact.codeId, fact.start, fact.end, coderId, fact.turnId, speakerId, timeStartMs, createdAt, memo]);
        }
      }
    }
    // So are the codings changed, and those of documents whose turns changed.
    if (turns.size > 0) {
      const inDocument = this.project.stmt('SELECT id FROM codings WHERE document_id = ?').pluck();
      for (const documentId of turns) for (const id of inDocument.all(documentId) as number[]) codings.add(id);
      for (const fact of this.facts) if (turns.has(fact.documentId)) codings.add(fact.id);
    }
    // One read for all of them; a coding noted but not found was deleted (or its insert rolled back).
    const rows = this.project.stmt(`${codingSelect} WHERE k.id IN (SELECT value FROM json_each(?)) ORDER BY k.id`).raw(true).all(JSON.stringify([...codings])) as CodingRow[];
    const turnsOf = documentTurnsReader(this.project);
    const found = new Set<number>();
    for (const row of rows.map((coding) => withTurn(coding, turnsOf))) {
      found.add(row[0]);
      this.place(row[0], row);
    }
    for (const id of codings) if (!found.has(id)) this.place(id, undefined);
  }

  private readAll(): void {
    this.log = new Map();
    this.readNames();
    ({ facts: this.facts, details: this.details } = readCodings(this.project, (row) => this.fact(row)));
  }

  private readNames(): void {
    this.names = readNames(this.project);
  }

  private fact(row: Row): CodingFact {
    const [, , , , , coderId, , speakerId] = row;
    if (!this.names.coders.has(coderId) || (speakerId !== null && !this.names.speakerCases.has(speakerId))) this.readNames();
    return makeFact(this.names, row);
  }

  /** Puts the coding's fact at its place by id, replacing the one there; without a row, takes it out. */
  private place(id: number, row: Row | undefined): void {
    if (row && (this.facts.length === 0 || this.facts[this.facts.length - 1]!.id < id)) {
      // A new coding: the usual case.
      this.facts.push(this.fact(row));
      this.details.push(detailOf(row));
      return;
    }
    let low = 0;
    let high = this.facts.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.facts[mid]!.id < id) low = mid + 1;
      else high = mid;
    }
    const present = this.facts[low]?.id === id;
    if (!row) {
      if (present) {
        this.facts.splice(low, 1);
        this.details.splice(low, 1);
      }
      return;
    }
    const remove = present ? 1 : 0;
    this.facts.splice(low, remove, this.fact(row));
    this.details.splice(low, remove, detailOf(row));
  }

  private currentDataVersion(): number {
    return this.project.stmt('PRAGMA data_version').pluck().get() as number;
  }
}

const live = new WeakMap<Project, LiveCodings>();

/**
 * The project's codings as facts, in id order, kept in step from the first
 * call on (a project opened read-only changes under no write of ours, and
 * is read whole each time).
 */
export function liveCodingFacts(project: Project): readonly CodingFact[] {
  return liveCodings(project).facts;
}

/** The facts with their details, at the same positions. */
export function liveCodings(project: Project): { facts: readonly CodingFact[]; details: readonly CodingDetail[] } {
  if (!project.readOnly) return startLiveCodings(project).current();
  const names = readNames(project);
  return readCodings(project, (row) => makeFact(names, row));
}

/** Starts keeping the codings in step, if that has not begun: at once for a new project, in a quiet moment for one opened. */
export function startLiveCodings(project: Project): LiveCodings {
  let kept = live.get(project);
  if (!kept) {
    const started = new LiveCodings(project);
    kept = started;
    live.set(project, started);
    const stop = project.watchWrites(() => {
      try {
        started.catchUpIfBehind();
      } catch {
        // A project that cannot be read now (its disk gone): the next read starts over.
        stop();
        live.delete(project);
      }
    });
  }
  return kept;
}

export function keepsLiveCodings(project: Project): boolean {
  return live.has(project);
}
