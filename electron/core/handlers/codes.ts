import { AppError } from '../../../shared/api/errors';
import type { OpParsedInput } from '../../../shared/api/contract';
import type { Code } from '../../../shared/model/types';
import { paletteColor } from '../../../shared/model/palette';
import type { Project } from '../project';
import { codingsByIds, codingsOfCodes } from './codings';
import { trashCodes } from '../store/trash';
import type { HandlersFor } from './types';
import { rowUuid } from '../store/rowUuid';

interface CodeRow {
  id: number;
  uuid: string;
  name: string;
  parent_id: number | null;
  color: string;
  description: string;
  inclusion: string;
  exclusion: string;
  example: string;
  atypical: string;
  memo: string;
  position: number;
  coding_count: number;
  document_count: number;
  case_count: number;
}

const codeColumns = `id, uuid, name, parent_id, color, description, inclusion, exclusion, example, atypical, memo, position,
  (SELECT count(*) FROM codings k WHERE k.code_id = codes.id) AS coding_count,
  (SELECT count(DISTINCT k.document_id) FROM codings k WHERE k.code_id = codes.id) AS document_count,
  (SELECT count(DISTINCT cd.case_id) FROM codings k JOIN case_documents cd ON cd.document_id = k.document_id WHERE k.code_id = codes.id) AS case_count`;

function toCode(row: CodeRow): Code {
  return {
    id: row.id,
    uuid: row.uuid,
    name: row.name,
    parentId: row.parent_id,
    color: row.color,
    description: row.description,
    inclusion: row.inclusion,
    exclusion: row.exclusion,
    example: row.example,
    atypical: row.atypical,
    memo: row.memo,
    position: row.position,
    codingCount: row.coding_count,
    documentCount: row.document_count,
    caseCount: row.case_count,
  };
}

/** Fails unless the code exists; cheaper than getCode, which also counts the code's use. */
export function assertCodeExists(project: Project, id: number): void {
  if (!project.stmt('SELECT 1 FROM codes WHERE id = ?').get(id)) throw new AppError('not_found', { what: 'Code', name: String(id) });
}

/** The code of this name directly under `parentId`, created if there is none. */
export function findOrCreateCode(project: Project, name: string, parentId: number | null, fields: Omit<OpParsedInput<'codes.create'>, 'name' | 'parentId'> = {}): { id: number; created: boolean } {
  const existing = project.stmt('SELECT id FROM codes WHERE ifnull(parent_id, 0) = ? AND name = ? COLLATE NOCASE').get(parentId ?? 0, name) as { id: number } | undefined;
  return existing ? { id: existing.id, created: false } : { id: createCode(project, { name, parentId, ...fields }).id, created: true };
}

export function getCode(project: Project, id: number): Code {
  const row = project.stmt(`SELECT ${codeColumns} FROM codes WHERE id = ?`).get(id) as CodeRow | undefined;
  if (!row) throw new AppError('not_found', { what: 'Code', name: String(id) });
  return toCode(row);
}

function assertNameFree(project: Project, name: string, parentId: number | null, exceptId: number): void {
  const clash = project
    .stmt('SELECT id FROM codes WHERE ifnull(parent_id, 0) = ? AND name = ? COLLATE NOCASE AND id <> ?')
    .get(parentId ?? 0, name, exceptId);
  if (clash) throw new AppError('name_taken', { name });
}

/** Ids of a code and all codes below it. */
function subtree(project: Project, id: number): number[] {
  const rows = project
    .stmt(
      `WITH RECURSIVE tree(id) AS (SELECT ? UNION ALL SELECT c.id FROM codes c JOIN tree t ON c.parent_id = t.id)
       SELECT id FROM tree`,
    )
    .all(id) as { id: number }[];
  return rows.map((r) => r.id);
}

function usage(project: Project, id: number): { codings: number; documents: number; children: number } {
  const ids = subtree(project, id);
  const placeholders = ids.map(() => '?').join(',');
  const counts = project.db
    .prepare(`SELECT count(*) AS codings, count(DISTINCT document_id) AS documents FROM codings WHERE code_id IN (${placeholders})`)
    .get(...ids) as { codings: number; documents: number };
  return { ...counts, children: ids.length - 1 };
}

export function createCode(project: Project, input: OpParsedInput<'codes.create'>): Code {
  const parentId = input.parentId ?? null;
  if (parentId !== null) assertCodeExists(project, parentId);
  assertNameFree(project, input.name, parentId, 0);
  const { n } = project.stmt('SELECT count(*) AS n FROM codes').get() as { n: number };
  const { next } = project
    .stmt('SELECT ifnull(max(position), -1) + 1 AS next FROM codes WHERE ifnull(parent_id, 0) = ?')
    .get(parentId ?? 0) as { next: number };
  const result = project
    .stmt(
      `INSERT INTO codes(uuid, name, parent_id, color, description, inclusion, exclusion, example, atypical, position)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      rowUuid(),
      input.name,
      parentId,
      input.color ?? paletteColor(n),
      input.description ?? '',
      input.inclusion ?? '',
      input.exclusion ?? '',
      input.example ?? '',
      input.atypical ?? '',
      next,
    );
  return getCode(project, Number(result.lastInsertRowid));
}

export const codeHandlers: HandlersFor<'codes'> = {
  'codes.list': (_input, core) => {
    const rows = core
      .requireProject()
      .stmt(`SELECT ${codeColumns} FROM codes ORDER BY ifnull(parent_id, 0), position, name COLLATE NOCASE`)
      .all() as CodeRow[];
    return rows.map(toCode);
  },

  'codes.create': (input, core) => createCode(core.requireProject(), input),

  'codes.update': (input, core) => {
    const project = core.requireProject();
    const current = getCode(project, input.id);
    const previous = current;
    const parentId = input.parentId === undefined ? current.parentId : input.parentId;
    if (parentId !== current.parentId && parentId !== null) {
      assertCodeExists(project, parentId);
      if (subtree(project, current.id).includes(parentId)) throw new AppError('code_cycle');
    }
    const name = input.name ?? current.name;
    assertNameFree(project, name, parentId, current.id);
    project
      .stmt(
        `UPDATE codes SET name = ?, parent_id = ?, color = ?, description = ?, inclusion = ?, exclusion = ?, example = ?, atypical = ?, memo = ?
         WHERE id = ?`,
      )
      .run(
        name,
        parentId,
        input.color ?? current.color,
        input.description ?? current.description,
        input.inclusion ?? current.inclusion,
        input.exclusion ?? current.exclusion,
        input.example ?? current.example,
        input.atypical ?? current.atypical,
        input.memo ?? current.memo,
        current.id,
      );
    return { code: getCode(project, current.id), previous };
  },

  'codes.usage': ({ id }, core) => {
    const project = core.requireProject();
    assertCodeExists(project, id);
    return usage(project, id);
  },

  /**
   * Merging moves every coding of the source to the target; a coding that would
   * repeat one the target already has (same document, range and coder) collapses
   * into it. Sub-codes of the source move under the target; the source goes.
   */
  'codes.merge': ({ sourceId, targetId }, core) => {
    const project = core.requireProject();
    const source = getCode(project, sourceId);
    assertCodeExists(project, targetId);
    if (sourceId === targetId || subtree(project, sourceId).includes(targetId)) throw new AppError('code_cycle');
    const duplicates = (
      project
        .stmt(
          `SELECT id FROM codings WHERE code_id = @source AND EXISTS (
             SELECT 1 FROM codings t WHERE t.code_id = @target AND t.document_id = codings.document_id
               AND t.start = codings.start AND t."end" = codings."end" AND t.coder_id = codings.coder_id)`,
        )
        .all({ source: sourceId, target: targetId }) as { id: number }[]
    ).map((r) => r.id);
    const collapsedCodings = codingsByIds(project, duplicates);
    // A duplicate's key-quote mark passes to the coding it collapses into, so merging never loses the researcher's pick.
    const marked = (
      project
        .stmt(
          `SELECT t.id FROM codings t WHERE t.code_id = @target AND t.key_quote = 0 AND EXISTS (
             SELECT 1 FROM codings s WHERE s.code_id = @source AND s.key_quote = 1 AND s.document_id = t.document_id
               AND s.start = t.start AND s."end" = t."end" AND s.coder_id = t.coder_id)`,
        )
        .all({ source: sourceId, target: targetId }) as { id: number }[]
    ).map((r) => r.id);
    const mark = project.stmt('UPDATE codings SET key_quote = 1 WHERE id = ?');
    for (const codingId of marked) mark.run(codingId);
    const collapsed = project
      .stmt(
        `DELETE FROM codings WHERE code_id = @source AND EXISTS (
           SELECT 1 FROM codings t WHERE t.code_id = @target AND t.document_id = codings.document_id
             AND t.start = codings.start AND t."end" = codings."end" AND t.coder_id = codings.coder_id)`,
      )
      .run({ source: sourceId, target: targetId }).changes;
    const movedIds = (project.stmt('SELECT id FROM codings WHERE code_id = ?').all(sourceId) as { id: number }[]).map((r) => r.id);
    const moved = project.stmt('UPDATE codings SET code_id = ? WHERE code_id = ?').run(targetId, sourceId).changes;
    const children = project.stmt('SELECT id, name FROM codes WHERE parent_id = ?').all(sourceId) as { id: number; name: string }[];
    for (const child of children) {
      assertNameFree(project, child.name, targetId, child.id);
      project.stmt('UPDATE codes SET parent_id = ? WHERE id = ?').run(targetId, child.id);
    }
    project.stmt('DELETE FROM codes WHERE id = ?').run(source.id);
    return {
      moved,
      collapsed,
      target: getCode(project, targetId),
      undo: { source, moved: movedIds, collapsed: collapsedCodings, children: children.map((c) => c.id), marked },
    };
  },

  'codes.split': ({ id, name }, core) => {
    const project = core.requireProject();
    const source = getCode(project, id);
    const code = createCode(project, {
      name,
      parentId: source.parentId,
      description: source.description,
      inclusion: source.inclusion,
      exclusion: source.exclusion,
      example: source.example,
      atypical: source.atypical,
    });
    // Each copy gets its own UUID (exchange formats need them well-formed); coder, time, memo and key-quote mark stay.
    const copy = project.stmt(
      `INSERT INTO codings(uuid, document_id, code_id, start, "end", coder_id, created_at, memo, key_quote)
       SELECT ?, document_id, ?, start, "end", coder_id, created_at, memo, key_quote FROM codings WHERE id = ?`,
    );
    const sources = project.stmt('SELECT id FROM codings WHERE code_id = ? ORDER BY id').all(id) as { id: number }[];
    const copies = sources.map((row) => ({ id: Number(copy.run(rowUuid(), code.id, row.id).lastInsertRowid) }));
    return { code, codings: codingsByIds(project, copies.map((c) => c.id)) };
  },

  'codes.delete': ({ id }, core) => {
    const project = core.requireProject();
    assertCodeExists(project, id);
    const counts = usage(project, id);
    // Parents before children, so that restoring them in this order rebuilds the tree.
    const ids = subtree(project, id);
    const removed = { codes: ids.map((codeId) => getCode(project, codeId)), codings: codingsOfCodes(project, ids) };
    trashCodes(project, removed.codes, removed.codings);
    // Sub-codes and codings go with it through ON DELETE CASCADE.
    project.stmt('DELETE FROM codes WHERE id = ?').run(id);
    return { deletedCodings: counts.codings, deletedCodes: counts.children + 1, removed };
  },

  'codes.restore': ({ codes }, core) => {
    const project = core.requireProject();
    const insert = project.stmt(
      `INSERT INTO codes(id, uuid, name, parent_id, color, description, inclusion, exclusion, example, atypical, memo, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const c of codes) insert.run(c.id, c.uuid, c.name, c.parentId, c.color, c.description, c.inclusion, c.exclusion, c.example, c.atypical, c.memo, c.position);
    return null;
  },

  'codes.deleteMany': ({ ids }, core) => {
    const remove = core.requireProject().stmt('DELETE FROM codes WHERE id = ?');
    for (const codeId of ids) remove.run(codeId);
    return null;
  },

  'codes.setGuidance': ({ codes }, core) => {
    const project = core.requireProject();
    const update = project.stmt('UPDATE codes SET color = ?, description = ?, inclusion = ?, exclusion = ?, example = ?, atypical = ? WHERE id = ?');
    for (const c of codes) {
      assertCodeExists(project, c.id);
      update.run(c.color, c.description, c.inclusion, c.exclusion, c.example, c.atypical, c.id);
    }
    return null;
  },

  'codes.reparent': ({ ids, parentId }, core) => {
    const project = core.requireProject();
    if (parentId !== null) assertCodeExists(project, parentId);
    const moved: { id: number; parentId: number | null }[] = [];
    for (const id of ids) {
      if (parentId !== null && subtree(project, id).includes(parentId)) throw new AppError('code_cycle');
      const code = getCode(project, id);
      assertNameFree(project, code.name, parentId, id);
      moved.push({ id, parentId: code.parentId });
      project.stmt('UPDATE codes SET parent_id = ? WHERE id = ?').run(parentId, id);
    }
    return { moved };
  },

};
