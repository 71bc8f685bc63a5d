import { AppError } from '../../../shared/api/errors';
import type { Coding, CodingRow } from '../../../shared/model/types';
import { sliceCodePoints } from '../../../shared/text/codepoints';
import { formatTimestamp } from '../../../shared/text/speakers';
import { liveCodings } from '../analysis/liveCodings';
import type { Project } from '../project';
import { PassageCutter } from '../store/passageBytes';
import { assertCodeExists, findOrCreateCode, getCode } from './codes';
import { ensureCoder } from './coders';
import type { HandlersFor } from './types';
import { rowUuid } from '../store/rowUuid';

interface CodingDbRow {
  id: number;
  uuid: string;
  document_id: number;
  code_id: number;
  start: number;
  end: number;
  coder: string;
  created_at: string;
  memo: string | null;
  key_quote: number;
}

const codingSelect = `SELECT k.id, k.uuid, k.document_id, k.code_id, k.start, k."end" AS "end", c.name AS coder, k.created_at, k.memo, k.key_quote
  FROM codings k JOIN coders c ON c.id = k.coder_id`;

function toCoding(row: CodingDbRow): Coding {
  return {
    id: row.id,
    uuid: row.uuid,
    documentId: row.document_id,
    codeId: row.code_id,
    start: row.start,
    end: row.end,
    coder: row.coder,
    createdAt: row.created_at,
    memo: row.memo,
    keyQuote: row.key_quote === 1,
  };
}

/** An export row before its text is cut from the document: what a cache can keep without holding every transcript it points into. */
export type CodingRecord = Omit<CodingRow, 'text'> & { documentId: number };

/** Export rows without their texts, in export order, made a slice at a time. */
export interface CodingRecords {
  readonly length: number;
  slice(from: number, to: number): CodingRecord[];
}

/**
 * Every coding (or those of one document or code) as an export row without
 * its text, with the speaker and cue time of the turn it starts in, made
 * from the codings the analyses keep in step (no read of every coding). The
 * order is SQLite's NOCASE document name, then start, end and code name.
 * Only that order is computed here; the rows are made when a slice is
 * asked for, so a project of 100,000 codings never holds them all. Use
 * them before the next write: they read the live codings.
 */
function recordsOf(project: Project, filter: { documentId?: number; codeId?: number }): CodingRecords {
  const names = (sql: string) => new Map((project.stmt(sql).raw(true).all() as [number, string][]).map(([id, name]) => [id, name]));
  const documents = names('SELECT id, name FROM documents');
  const codes = names('SELECT id, name FROM codes');
  const coders = names('SELECT id, name FROM coders');
  const speakers = names('SELECT id, name FROM speakers');
  const { facts, details } = liveCodings(project);
  // Names are ranked once, so that sorting 100,000 rows compares numbers, not strings.
  const fold = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const rank = (names: Map<number, string>, key: (name: string) => string) =>
    new Map([...names].map(([id, name]) => [id, key(name)] as const).sort((a, b) => compare(a[1], b[1])).map(([id], i) => [id, i]));
  const documentRank = rank(documents, fold);
  const codeRank = rank(codes, (name) => name);
  const chosen: number[] = [];
  // Each coding's sort keys looked up once, not at each of the sort's million comparisons.
  const documentKey = new Int32Array(facts.length);
  const codeKey = new Int32Array(facts.length);
  for (let at = 0; at < facts.length; at++) {
    const fact = facts[at]!;
    if ((filter.documentId === undefined || fact.documentId === filter.documentId) && (filter.codeId === undefined || fact.codeId === filter.codeId)) {
      chosen.push(at);
      documentKey[at] = documentRank.get(fact.documentId)!;
      codeKey[at] = codeRank.get(fact.codeId)!;
    }
  }
  const order = Int32Array.from(chosen);
  order.sort((x, y) => documentKey[x]! - documentKey[y]! || facts[x]!.start - facts[y]!.start || facts[x]!.end - facts[y]!.end || codeKey[x]! - codeKey[y]! || x - y);
  const record = (at: number): CodingRecord => {
    const { id, documentId, codeId, start, end } = facts[at]!;
    const { speakerId, coderId, timeStartMs, createdAt, memo } = details[at]!;
    return {
      id,
      documentId,
      document: documents.get(documentId)!,
      code: codes.get(codeId)!,
      speaker: speakerId === null ? null : (speakers.get(speakerId) ?? null),
      timestamp: timeStartMs === null ? null : formatTimestamp(timeStartMs),
      start,
      end,
      coder: coders.get(coderId)!,
      createdAt,
      memo,
    };
  };
  return { length: order.length, slice: (from, to) => Array.from(order.subarray(from, to), record) };
}

export function codingRecords(project: Project, filter: { documentId?: number; codeId?: number }): CodingRecord[] {
  const records = recordsOf(project, filter);
  return records.slice(0, records.length);
}

/** Every coding's record, its order kept until the project changes: exporting again, or the dataset's two codings files, reuse it. */
export function allCodingRecords(project: Project): CodingRecords {
  return project.cached('codingRecords:all', () => recordsOf(project, {}));
}

/**
 * The records with their texts, cut from each document's stored UTF-8 bytes
 * (see store/passageBytes.ts). Records come grouped by document and by start
 * within it, so each document is read once per run of its rows.
 */
export function withTexts(project: Project, records: readonly CodingRecord[]): CodingRow[] {
  const passages = new PassageCutter(project);
  return records.map((r) => {
    const text = passages.cut(r.documentId, r.start, r.end);
    return { id: r.id, document: r.document, code: r.code, speaker: r.speaker, timestamp: r.timestamp, start: r.start, end: r.end, text, coder: r.coder, createdAt: r.createdAt, memo: r.memo };
  });
}

export function codingRows(project: Project, filter: { documentId?: number; codeId?: number }): CodingRow[] {
  return withTexts(project, codingRecords(project, filter));
}

function createCoding(project: Project, input: { documentId: number; codeId: number; start: number; end: number; memo?: string }, coder: string): Coding {
  const doc = project.stmt('SELECT name, length FROM documents WHERE id = ?').get(input.documentId) as { name: string; length: number } | undefined;
  if (!doc) throw new AppError('not_found', { what: 'Document', name: String(input.documentId) });
  assertCodeExists(project, input.codeId);
  if (input.end > doc.length) throw new AppError('range_invalid', { start: input.start, end: input.end, document: doc.name, length: doc.length });
  const result = project
    .stmt(`INSERT INTO codings(uuid, document_id, code_id, start, "end", coder_id, created_at, memo) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(rowUuid(), input.documentId, input.codeId, input.start, input.end, ensureCoder(project, coder), new Date().toISOString(), input.memo ?? null);
  return toCoding(project.stmt(`${codingSelect} WHERE k.id = ?`).get(result.lastInsertRowid) as CodingDbRow);
}

/**
 * Codes passages with codes (skipping any coding this coder already has);
 * the codings made, code by code in the order given. They are built from
 * what was written rather than read back: a coding costs its check and its
 * insert, nothing more.
 */
export function createCodings(project: Project, coder: string, codeIds: readonly number[], passages: readonly { documentId: number; start: number; end: number }[]): Coding[] {
  for (const codeId of codeIds) assertCodeExists(project, codeId);
  const coderId = ensureCoder(project, coder);
  const documents = new Map<number, { name: string; length: number } | undefined>();
  for (const p of passages) {
    if (!documents.has(p.documentId)) documents.set(p.documentId, project.stmt('SELECT name, length FROM documents WHERE id = ?').get(p.documentId) as { name: string; length: number } | undefined);
    const doc = documents.get(p.documentId);
    if (!doc) throw new AppError('not_found', { what: 'Document', name: String(p.documentId) });
    if (p.end <= p.start || p.end > doc.length) throw new AppError('range_invalid', { start: p.start, end: p.end, document: doc.name, length: doc.length });
  }
  const insert = project.stmt(`INSERT INTO codings(uuid, document_id, code_id, start, "end", coder_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const exists = project.stmt('SELECT 1 FROM codings WHERE document_id = ? AND code_id = ? AND start = ? AND "end" = ? AND coder_id = ?');
  const createdAt = new Date().toISOString();
  const created: Coding[] = [];
  for (const codeId of codeIds) {
    for (const { documentId, start, end } of passages) {
      if (exists.get(documentId, codeId, start, end, coderId)) continue;
      const uuid = rowUuid();
      const id = Number(insert.run(uuid, documentId, codeId, start, end, coderId, createdAt).lastInsertRowid);
      created.push({ id, uuid, documentId, codeId, start, end, coder, createdAt, memo: null, keyQuote: false });
    }
  }
  return created;
}

/** Codings by id, in id order. */
export function codingsByIds(project: Project, ids: readonly number[]): Coding[] {
  const out: Coding[] = [];
  const get = project.stmt(`${codingSelect} WHERE k.id = ?`);
  for (const id of [...ids].sort((a, b) => a - b)) {
    const row = get.get(id) as CodingDbRow | undefined;
    if (row) out.push(toCoding(row));
  }
  return out;
}

/** Every coding of these codes. */
export function codingsOfCodes(project: Project, codeIds: readonly number[]): Coding[] {
  const ids = codeIds.flatMap((codeId) => (project.stmt('SELECT id FROM codings WHERE code_id = ?').all(codeId) as { id: number }[]).map((r) => r.id));
  return codingsByIds(project, ids);
}

export const codingHandlers: HandlersFor<'codings'> = {
  'codings.list': ({ documentId }, core) => {
    const project = core.requireProject();
    const rows = project
      .stmt(`${codingSelect} WHERE (@documentId IS NULL OR k.document_id = @documentId) ORDER BY k.document_id, k.start, k."end"`)
      .all({ documentId: documentId ?? null }) as CodingDbRow[];
    return rows.map(toCoding);
  },

  'codings.spans': ({ documentId }, core) =>
    (
      core
        .requireProject()
        .stmt(`SELECT k.id, k.code_id, k.start, k."end", c.name, k.memo, k.key_quote FROM codings k JOIN coders c ON c.id = k.coder_id WHERE k.document_id = ? ORDER BY k.start, k."end", k.id`)
        .raw(true)
        .all(documentId) as [number, number, number, number, string, string | null, number][]
    ).map(([id, codeId, start, end, coder, memo, keyQuote]) => ({ id, codeId, start, end, coder, memo, keyQuote: keyQuote === 1 })),

  'codings.rows': (filter, core) => codingRows(core.requireProject(), filter),

  'codings.create': (input, core) => {
    const project = core.requireProject();
    return createCoding(project, input, input.coder ?? core.currentCoder(project));
  },

  /** Code a passage with a new code named after its own words (or the code of that name, if there is one). */
  'codings.inVivo': ({ documentId, start, end }, core) => {
    const project = core.requireProject();
    const doc = project.documentText(documentId);
    if (!doc) throw new AppError('not_found', { what: 'Document', name: String(documentId) });
    const words = sliceCodePoints(doc.text, start, end, doc.index).replace(/\s+/g, ' ').trim();
    const name = words.length > 80 ? `${words.slice(0, 79).trimEnd()}…` : words;
    if (!name) throw new AppError('range_invalid', { start, end, document: String(documentId), length: doc.index.length });
    const code = findOrCreateCode(project, name, null);
    const coding = createCoding(project, { documentId, codeId: code.id, start, end }, core.currentCoder(project));
    return { coding, code: getCode(project, code.id), codeCreated: code.created };
  },

  'codings.apply': ({ documentId, start, end, codeIds, coder }, core) => {
    const project = core.requireProject();
    const who = coder ?? core.currentCoder(project);
    return { codings: createCodings(project, who, [...new Set(codeIds)], [{ documentId, start, end }]) };
  },

  'codings.createMany': ({ codeId, passages }, core) => {
    const project = core.requireProject();
    const codings = createCodings(project, core.currentCoder(project), [codeId], passages);
    return { created: codings.length, codings };
  },

  'codings.update': ({ id, ...changes }, core) => {
    const project = core.requireProject();
    const [previous] = codingsByIds(project, [id]);
    if (!previous) throw new AppError('not_found', { what: 'Coding', name: String(id) });
    const next = { ...previous, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) };
    const doc = project.stmt('SELECT name, length FROM documents WHERE id = ?').get(previous.documentId) as { name: string; length: number };
    if (next.end <= next.start || next.end > doc.length) throw new AppError('range_invalid', { start: next.start, end: next.end, document: doc.name, length: doc.length });
    if (next.codeId !== previous.codeId) assertCodeExists(project, next.codeId);
    project.stmt('UPDATE codings SET code_id = ?, start = ?, "end" = ?, memo = ?, key_quote = ? WHERE id = ?').run(next.codeId, next.start, next.end, next.memo, next.keyQuote ? 1 : 0, id);
    return { coding: codingsByIds(project, [id])[0]!, previous };
  },

  'codings.delete': ({ id }, core) => {
    const project = core.requireProject();
    const [coding] = codingsByIds(project, [id]);
    if (!coding) throw new AppError('not_found', { what: 'Coding', name: String(id) });
    project.stmt('DELETE FROM codings WHERE id = ?').run(id);
    return coding;
  },

  'codings.deleteMany': ({ ids }, core) => {
    const remove = core.requireProject().stmt('DELETE FROM codings WHERE id = ?');
    return { deleted: ids.reduce((n, id) => n + remove.run(id).changes, 0) };
  },

  'codings.restore': ({ codings }, core) => {
    const project = core.requireProject();
    const insert = project.stmt(`INSERT INTO codings(id, uuid, document_id, code_id, start, "end", coder_id, created_at, memo, key_quote) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const c of codings) insert.run(c.id, c.uuid, c.documentId, c.codeId, c.start, c.end, ensureCoder(project, c.coder), c.createdAt, c.memo, c.keyQuote ? 1 : 0);
    return null;
  },

  'codings.recode': ({ ids, codeId }, core) => {
    const project = core.requireProject();
    assertCodeExists(project, codeId);
    const update = project.stmt('UPDATE codings SET code_id = ? WHERE id = ?');
    for (const id of ids) update.run(codeId, id);
    return null;
  },
};
