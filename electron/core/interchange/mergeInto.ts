/**
 * Brings an interchange model into an open project, inside the caller's
 * transaction, without duplicating or dropping anything:
 *   - codes match by UUID, then by path (same name under the matched
 *     parent); unmatched codes are added with their UUID, parents first;
 *   - documents match by UUID, then by content hash; unmatched ones are
 *     added with their turns, speakers and memo;
 *   - cases match by UUID, then by name; attributes we lack are added;
 *   - codings match by UUID, then by document, code, range and coder;
 *     unmatched ones are added with their coder, time, memo and mark.
 * Where the two sides disagree (a code renamed, an attribute with another
 * value) ours is kept and the difference reported. Merging the same model
 * twice adds nothing the second time.
 */
import type { Interchange, MergeConflict, MergeSummary } from '../../../shared/model/interchange';
import { codePointLength } from '../../../shared/text/codepoints';
import { ensureCoder } from '../handlers/coders';
import { ensureCase, linkCaseToDocument, uniqueDocumentName } from '../importers/commit';
import { contentHash } from '../importers/contentHash';
import type { Project } from '../project';
import { rowUuid } from '../store/rowUuid';
import { TurnsBuilder, writeNewDocumentTurns } from '../store/documentTurns';

export function mergeInto(project: Project, model: Interchange): MergeSummary {
  const summary: MergeSummary = {
    added: { documents: 0, codes: 0, codings: 0, cases: 0, coders: [] },
    matched: { documents: 0, codes: 0, codings: 0, cases: 0 },
    conflicts: [],
  };
  const conflict = (c: MergeConflict) => summary.conflicts.push(c);
  const codeIds = mergeCodes(project, model, summary, conflict);
  const documentIds = mergeDocuments(project, model, summary, conflict);
  mergeSpeakersAndCases(project, model, documentIds, summary, conflict);
  mergeCodings(project, model, codeIds, documentIds, summary, conflict);
  return summary;
}

type Conflict = (c: MergeConflict) => void;

function mergeCodes(project: Project, model: Interchange, summary: MergeSummary, conflict: Conflict): Map<string, number> {
  const ids = new Map<string, number>();
  const byUuid = project.stmt('SELECT id, name, parent_id AS parentId FROM codes WHERE uuid = ?');
  const byName = project.stmt('SELECT id FROM codes WHERE ifnull(parent_id, 0) = ? AND name = ? COLLATE NOCASE');
  const nextPosition = project.stmt('SELECT ifnull(max(position), -1) + 1 FROM codes WHERE ifnull(parent_id, 0) = ?').pluck();
  const insert = project.stmt(
    `INSERT INTO codes(uuid, name, parent_id, color, description, inclusion, exclusion, example, atypical, memo, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const fillMemo = project.stmt(`UPDATE codes SET memo = ? WHERE id = ? AND memo = ''`);
  for (const code of model.codes) {
    const parentId = code.parentUuid === null ? null : (ids.get(code.parentUuid) ?? null);
    const mine = byUuid.get(code.uuid) as { id: number; name: string; parentId: number | null } | undefined;
    if (mine) {
      ids.set(code.uuid, mine.id);
      summary.matched.codes++;
      if (mine.name !== code.name) conflict({ kind: 'code', name: mine.name, reason: 'renamed', ours: mine.name, theirs: code.name });
      else if (mine.parentId !== parentId) conflict({ kind: 'code', name: mine.name, reason: 'moved' });
      if (code.memo) fillMemo.run(code.memo, mine.id);
      continue;
    }
    const sameName = byName.get(parentId ?? 0, code.name) as { id: number } | undefined;
    if (sameName) {
      ids.set(code.uuid, sameName.id);
      summary.matched.codes++;
      if (code.memo) fillMemo.run(code.memo, sameName.id);
      continue;
    }
    const position = nextPosition.get(parentId ?? 0) as number;
    const id = Number(
      insert.run(code.uuid, code.name, parentId, code.color, code.description, code.inclusion, code.exclusion, code.example, code.atypical, code.memo, position).lastInsertRowid,
    );
    ids.set(code.uuid, id);
    summary.added.codes++;
  }
  return ids;
}

function mergeDocuments(project: Project, model: Interchange, summary: MergeSummary, conflict: Conflict): Map<string, number> {
  const ids = new Map<string, number>();
  const byUuid = project.stmt('SELECT id, content_hash AS hash, name FROM documents WHERE uuid = ?');
  const byHash = project.stmt('SELECT id FROM documents WHERE content_hash = ? ORDER BY id LIMIT 1').pluck();
  const insert = project.stmt(
    `INSERT INTO documents(uuid, name, source_name, content_hash, imported_at, text, length, format, import_details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertMemo = project.stmt(`INSERT INTO memos(uuid, document_id, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`);
  const hasMemo = project.stmt(`SELECT body FROM memos WHERE document_id = ? AND code_id IS NULL`).pluck();
  const fillMemo = project.stmt(`UPDATE memos SET body = ?, updated_at = ? WHERE document_id = ? AND code_id IS NULL AND body = ''`);
  const now = new Date().toISOString();
  for (const doc of model.documents) {
    const hash = contentHash(doc.text);
    const mine = byUuid.get(doc.uuid) as { id: number; hash: string; name: string } | undefined;
    if (mine && mine.hash !== hash) {
      // Same document, other text: its codings would land on the wrong words.
      conflict({ kind: 'document', name: mine.name, reason: 'text_differs' });
      continue;
    }
    const existing = mine?.id ?? (byHash.get(hash) as number | undefined);
    if (existing !== undefined) {
      ids.set(doc.uuid, existing);
      summary.matched.documents++;
      if (doc.memo) {
        const memo = hasMemo.get(existing) as string | undefined;
        if (memo === undefined) insertMemo.run(rowUuid(), existing, doc.memo, now, now);
        else fillMemo.run(doc.memo, now, existing);
      }
      continue;
    }
    const id = Number(
      insert.run(doc.uuid, uniqueDocumentName(project, doc.name), doc.sourceName, hash, now, doc.text, codePointLength(doc.text), doc.format, JSON.stringify(doc.importDetails)).lastInsertRowid,
    );
    if (doc.memo) insertMemo.run(rowUuid(), id, doc.memo, now, now);
    ids.set(doc.uuid, id);
    summary.added.documents++;
    addTurns(project, model, doc, id);
  }
  return ids;
}

function addTurns(project: Project, model: Interchange, doc: Interchange['documents'][number], documentId: number): void {
  const speakerId = project.stmt('SELECT id FROM speakers WHERE name = ?').pluck();
  const addSpeaker = project.stmt('INSERT INTO speakers(name, is_interviewer) VALUES (?, ?)');
  const turns = new TurnsBuilder();
  for (const turn of doc.turns) {
    let id = speakerId.get(turn.speaker) as number | undefined;
    if (id === undefined) {
      const interviewer = model.speakers.find((s) => s.name === turn.speaker)?.isInterviewer ?? false;
      id = Number(addSpeaker.run(turn.speaker, interviewer ? 1 : 0).lastInsertRowid);
    }
    turns.add(id, turn.start, turn.contentStart, turn.end, turn.timeStartMs, turn.timeEndMs);
  }
  writeNewDocumentTurns(project, documentId, turns.build());
}

function mergeSpeakersAndCases(project: Project, model: Interchange, documentIds: Map<string, number>, summary: MergeSummary, conflict: Conflict): void {
  const byUuid = project.stmt('SELECT id, name FROM cases WHERE uuid = ?');
  const byName = project.stmt('SELECT id FROM cases WHERE name = ?').pluck();
  const insert = project.stmt('INSERT INTO cases(uuid, name, description) VALUES (?, ?, ?)');
  const attributeOf = project.stmt('SELECT value FROM case_attributes WHERE case_id = ? AND name = ?').pluck();
  const setAttribute = project.stmt('INSERT INTO case_attributes(case_id, name, value) VALUES (?, ?, ?)');
  const caseIds = new Map<string, number>();
  for (const c of model.cases) {
    const mine = byUuid.get(c.uuid) as { id: number; name: string } | undefined;
    let id = mine?.id ?? (byName.get(c.name) as number | undefined);
    if (id === undefined) {
      id = Number(insert.run(byName.get(c.name) === undefined ? c.uuid : rowUuid(), c.name, c.description).lastInsertRowid);
      summary.added.cases++;
    } else summary.matched.cases++;
    caseIds.set(c.name, id);
    for (const [name, value] of Object.entries(c.attributes)) {
      const ours = attributeOf.get(id, name) as string | undefined;
      if (ours === undefined) setAttribute.run(id, name, value);
      else if (ours !== value) conflict({ kind: 'case', name: `${mine?.name ?? c.name}: ${name}`, reason: 'attribute_differs', ours, theirs: value });
    }
    for (const uuid of c.documentUuids) {
      const documentId = documentIds.get(uuid);
      if (documentId !== undefined) linkCaseToDocument(project, id, documentId);
    }
  }
  // Speakers who are participants point to their case, as on import.
  const speaker = project.stmt('SELECT id, case_id AS caseId FROM speakers WHERE name = ?');
  const setCase = project.stmt('UPDATE speakers SET case_id = ? WHERE id = ?');
  for (const s of model.speakers) {
    const mine = speaker.get(s.name) as { id: number; caseId: number | null } | undefined;
    if (!mine || mine.caseId !== null || s.caseName === null) continue;
    setCase.run(caseIds.get(s.caseName) ?? ensureCase(project, s.caseName), mine.id);
  }
}

function mergeCodings(project: Project, model: Interchange, codeIds: Map<string, number>, documentIds: Map<string, number>, summary: MergeSummary, conflict: Conflict): void {
  const byUuid = project.stmt('SELECT 1 FROM codings WHERE uuid = ?').pluck();
  const same = project.stmt('SELECT 1 FROM codings WHERE document_id = ? AND code_id = ? AND start = ? AND "end" = ? AND coder_id = ?').pluck();
  const lengthOf = project.stmt('SELECT length FROM documents WHERE id = ?').pluck();
  const insert = project.stmt(
    `INSERT INTO codings(uuid, document_id, code_id, start, "end", coder_id, created_at, memo, key_quote) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const knownCoders = new Set(project.stmt('SELECT name FROM coders').pluck().all() as string[]);
  const coderIds = new Map<string, number>();
  const coderId = (name: string) => {
    let id = coderIds.get(name);
    if (id === undefined) {
      if (!knownCoders.has(name)) summary.added.coders.push(name);
      id = ensureCoder(project, name);
      coderIds.set(name, id);
    }
    return id;
  };
  const names = new Map(model.documents.map((d) => [d.uuid, d.name]));
  // A coding may refer to a document this project already has without the model carrying it.
  const documentByUuid = project.stmt('SELECT id FROM documents WHERE uuid = ?').pluck();
  for (const k of model.codings) {
    const documentId = documentIds.get(k.documentUuid) ?? (documentByUuid.get(k.documentUuid) as number | undefined);
    const codeId = codeIds.get(k.codeUuid);
    const label = names.get(k.documentUuid) ?? k.documentUuid;
    if (documentId === undefined) {
      conflict({ kind: 'coding', name: `${label} ${k.start}–${k.end}`, reason: 'document_missing' });
      continue;
    }
    if (codeId === undefined) {
      conflict({ kind: 'coding', name: `${label} ${k.start}–${k.end}`, reason: 'code_missing' });
      continue;
    }
    if (k.end <= k.start || k.start < 0 || k.end > (lengthOf.get(documentId) as number)) {
      conflict({ kind: 'coding', name: `${label} ${k.start}–${k.end}`, reason: 'range_outside' });
      continue;
    }
    const coder = coderId(k.coder);
    if (byUuid.get(k.uuid) || same.get(documentId, codeId, k.start, k.end, coder)) {
      summary.matched.codings++;
      continue;
    }
    insert.run(k.uuid, documentId, codeId, k.start, k.end, coder, k.createdAt, k.memo, k.keyQuote ? 1 : 0);
    summary.added.codings++;
  }
}
