import { AppError } from '../../../shared/api/errors';
import type { Case } from '../../../shared/model/types';
import type { Project } from '../project';
import { documentSummary } from './documents';
import type { HandlersFor } from './types';
import { rowUuid } from '../store/rowUuid';

export function listCases(project: Project, onlyId?: number): Case[] {
  const cases = project
    .stmt('SELECT id, name FROM cases WHERE @id IS NULL OR id = @id ORDER BY name COLLATE NOCASE')
    .all({ id: onlyId ?? null }) as { id: number; name: string }[];
  const attributes = project.stmt('SELECT case_id, name, value FROM case_attributes ORDER BY name').all() as {
    case_id: number;
    name: string;
    value: string;
  }[];
  const documents = project
    .stmt('SELECT cd.case_id, d.name FROM case_documents cd JOIN documents d ON d.id = cd.document_id ORDER BY d.name')
    .all() as { case_id: number; name: string }[];
  const byId = new Map<number, Case>(cases.map((c) => [c.id, { id: c.id, name: c.name, attributes: {}, documents: [] }]));
  for (const a of attributes) {
    const entry = byId.get(a.case_id);
    if (entry) entry.attributes[a.name] = a.value;
  }
  for (const d of documents) byId.get(d.case_id)?.documents.push(d.name);
  return [...byId.values()];
}

export const caseHandlers: HandlersFor<'cases'> = {
  'cases.list': (_input, core) => listCases(core.requireProject()),

  'cases.create': ({ name, attributes = {}, documentIds = [] }, core) => {
    const project = core.requireProject();
    if (project.stmt('SELECT 1 FROM cases WHERE name = ?').get(name)) throw new AppError('file_exists', { file: name });
    const caseId = Number(project.stmt('INSERT INTO cases(uuid, name) VALUES (?, ?)').run(rowUuid(), name).lastInsertRowid);
    const setAttribute = project.stmt('INSERT INTO case_attributes(case_id, name, value) VALUES (?, ?, ?)');
    for (const [key, value] of Object.entries(attributes)) setAttribute.run(caseId, key, value);
    const link = project.stmt('INSERT OR IGNORE INTO case_documents(case_id, document_id) VALUES (?, ?)');
    for (const documentId of documentIds) {
      documentSummary(project, documentId);
      link.run(caseId, documentId);
    }
    return listCases(project, caseId)[0]!;
  },

  'cases.update': ({ id, name, attributes = {} }, core) => {
    const project = core.requireProject();
    if (!project.stmt('SELECT 1 FROM cases WHERE id = ?').get(id)) throw new AppError('not_found', { what: 'Case', name: String(id) });
    if (name !== undefined) {
      if (project.stmt('SELECT 1 FROM cases WHERE name = ? AND id <> ?').get(name, id)) throw new AppError('file_exists', { file: name });
      project.stmt('UPDATE cases SET name = ? WHERE id = ?').run(name, id);
    }
    const set = project.stmt('INSERT INTO case_attributes(case_id, name, value) VALUES (?, ?, ?) ON CONFLICT(case_id, name) DO UPDATE SET value = excluded.value');
    const remove = project.stmt('DELETE FROM case_attributes WHERE case_id = ? AND name = ?');
    for (const [key, value] of Object.entries(attributes)) {
      if (value === null) remove.run(id, key);
      else set.run(id, key, value);
    }
    return listCases(project, id)[0]!;
  },
};
