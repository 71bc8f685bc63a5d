/**
 * Retrieval: every passage of a code, with its document, speaker, time stamp,
 * case and context, filtered by case attributes, coder or document. A passage
 * belongs to the case of the speaker whose turn it starts in, or else to the
 * cases of its document.
 */
import type { RetrievedPassage } from '../../../shared/model/types';
import { formatTimestamp } from '../../../shared/text/speakers';
import type { Project } from '../project';
import { PassageCutter } from '../store/passageBytes';
import { documentTurnsReader } from '../store/documentTurns';
import { getCode } from './codes';

const CONTEXT = 160;

interface Row {
  id: number;
  document_id: number;
  document: string;
  document_length: number;
  start: number;
  end: number;
  coder: string;
  key_quote: number;
}

/** The speaker of the turn a passage starts in, that turn's time, and the speaker's case. */
interface Turn {
  speaker: string | null;
  timeStartMs: number | null;
  speakerCase: string | null;
}

type RetrieveFilter = { codeId: number; where?: Record<string, string>; coder?: string; documentId?: number };

interface Match {
  row: Row;
  turn: Turn;
  cases: string[];
}

/** Filters whose matches are kept at once: the list on screen, and a few just left. */
const keptFilters = 4;

/**
 * The codings that match, in order, with their cases: kept until the project
 * changes, so that a list shown a window at a time does not repeat the query
 * for every window.
 */
function matchesOf(project: Project, filter: RetrieveFilter): Match[] {
  const kept = project.cached('retrieve', () => new Map<string, Match[]>());
  const key = JSON.stringify([filter.codeId, filter.where ?? {}, filter.coder ?? null, filter.documentId ?? null]);
  let matches = kept.get(key);
  if (!matches) {
    matches = findMatches(project, filter);
    kept.set(key, matches);
    if (kept.size > keptFilters) kept.delete(kept.keys().next().value!);
  }
  return matches;
}

function findMatches(project: Project, filter: RetrieveFilter): Match[] {
  const rows = project
    .stmt(
      `SELECT k.id, k.document_id, d.name AS document, d.length AS document_length, k.start, k."end" AS "end", c.name AS coder, k.key_quote
       FROM codings k
       JOIN documents d ON d.id = k.document_id
       JOIN coders c ON c.id = k.coder_id
       WHERE k.code_id = @codeId AND (@coder IS NULL OR c.name = @coder) AND (@documentId IS NULL OR k.document_id = @documentId)
       ORDER BY d.name COLLATE NOCASE, k.start`,
    )
    .all({ codeId: filter.codeId, coder: filter.coder ?? null, documentId: filter.documentId ?? null }) as Row[];

  const documentCases = new Map<number, string[]>();
  for (const r of project.stmt('SELECT cd.document_id, c.name FROM case_documents cd JOIN cases c ON c.id = cd.case_id ORDER BY c.name').all() as {
    document_id: number;
    name: string;
  }[]) {
    documentCases.set(r.document_id, [...(documentCases.get(r.document_id) ?? []), r.name]);
  }
  const attributes = new Map<string, Record<string, string>>();
  for (const r of project.stmt('SELECT c.name AS case_name, a.name, a.value FROM case_attributes a JOIN cases c ON c.id = a.case_id').all() as {
    case_name: string;
    name: string;
    value: string;
  }[]) {
    attributes.set(r.case_name, { ...(attributes.get(r.case_name) ?? {}), [r.name]: r.value });
  }
  const where = Object.entries(filter.where ?? {});
  const matches = (cases: string[]) => where.length === 0 || cases.some((c) => where.every(([name, value]) => attributes.get(c)?.[name] === value));
  const speakers = new Map(
    (project.stmt('SELECT s.id, s.name, c.name FROM speakers s LEFT JOIN cases c ON c.id = s.case_id').raw(true).all() as [number, string, string | null][]).map(([id, name, caseName]) => [
      id,
      { name, caseName },
    ]),
  );
  const turnsOf = documentTurnsReader(project);
  const turnOf = (row: Row): Turn => {
    const turns = turnsOf(row.document_id);
    const at = turns.indexAt(row.start);
    if (at === -1) return { speaker: null, timeStartMs: null, speakerCase: null };
    const speaker = speakers.get(turns.speakerId(at))!;
    return { speaker: speaker.name, timeStartMs: turns.timeStartMs(at), speakerCase: speaker.caseName };
  };
  const out: Match[] = [];
  for (const row of rows) {
    const turn = turnOf(row);
    const cases = turn.speakerCase ? [turn.speakerCase] : (documentCases.get(row.document_id) ?? []);
    if (matches(cases)) out.push({ row, turn, cases });
  }
  return out;
}

/** The passages from `offset` on (all of them, or `limit`), and how many match in all. */
export function retrievePassages(project: Project, filter: RetrieveFilter, window: { offset?: number; limit?: number } = {}): { total: number; passages: RetrievedPassage[] } {
  const code = getCode(project, filter.codeId);
  const matches = matchesOf(project, filter);
  const offset = window.offset ?? 0;
  const chosen = matches.slice(offset, window.limit === undefined ? undefined : offset + window.limit);
  // Cut from the stored bytes: a code's passages can come from every transcript of the project (see store/passageBytes.ts).
  const passagesOf = new PassageCutter(project);
  const passages = chosen.map(({ row, turn, cases }): RetrievedPassage => {
    const from = Math.max(0, row.start - CONTEXT);
    const to = Math.min(row.document_length, row.end + CONTEXT);
    const context = passagesOf.cut(row.document_id, from, to);
    return {
      codingId: row.id,
      keyQuote: row.key_quote === 1,
      code: code.name,
      document: row.document,
      documentId: row.document_id,
      start: row.start,
      end: row.end,
      text: passagesOf.cut(row.document_id, row.start, row.end),
      context: `${from > 0 ? '…' : ''}${context}${to < row.document_length ? '…' : ''}`,
      coder: row.coder,
      speaker: turn.speaker,
      timestamp: turn.timeStartMs === null ? null : formatTimestamp(turn.timeStartMs),
      cases,
    };
  });
  return { total: matches.length, passages };
}
