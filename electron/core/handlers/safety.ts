/** Keeping a project safe: checks, backups and restores, their settings, and the audit trail. */
import path from 'node:path';
import { AppError } from '../../../shared/api/errors';
import type { AuditEntry } from '../../../shared/api/contract';
import { backupSettings, createBackup, listBackups, replaceWithBackup, restoreFile } from '../store/backups';
import { checkDatabase, checkProjectFile } from '../store/check';
import { emptyTrash, listTrash, restoreFromTrash } from '../store/trash';
import { batch, type HandlersFor } from './types';

export const safetyHandlers: Pick<
  HandlersFor<'project'>,
  'project.check' | 'project.backup' | 'project.backups' | 'project.restore' | 'project.restoreFile' | 'project.backupSettings' | 'project.setBackupSettings'
> = {
  'project.check': ({ path: file }, core) => {
    if (file) return checkProjectFile(path.resolve(file), core.options.nativeBinding);
    return checkDatabase(core.requireProject().db);
  },
  'project.backup': batch(async ({ out }, core) => createBackup(core.requireProject(), 'manual', { out, nativeBinding: core.options.nativeBinding })),
  'project.backups': (_input, core) => listBackups(core.requireProject(), core.options.nativeBinding),
  'project.restore': batch(async ({ backup }, core) => {
    const project = core.requireProject();
    const file = project.path;
    const source = path.resolve(backup);
    if (source === file) throw new AppError('backup_invalid', { file: path.basename(backup), detail: 'it is the project itself' });
    await createBackup(project, 'before-restore', { nativeBinding: core.options.nativeBinding });
    core.close();
    try {
      replaceWithBackup(file, source, core.options.nativeBinding);
    } finally {
      core.open(file, false);
    }
    return core.projectInfo()!;
  }),
  'project.restoreFile': ({ path: file, backup }, core) => {
    const target = path.resolve(file);
    if (core.project?.path === target) core.close();
    restoreFile(target, path.resolve(backup), core.options.nativeBinding);
    core.open(target, false);
    return core.projectInfo()!;
  },
  'project.backupSettings': (_input, core) => backupSettings(core.requireProject()),
  'project.setBackupSettings': (settings, core) => {
    core.requireProject().setMeta('backup_settings', JSON.stringify(settings));
    return settings;
  },
};

export const trashHandlers: HandlersFor<'trash'> = {
  'trash.list': (_input, core) => listTrash(core.requireProject()),
  'trash.restore': ({ id }, core) => {
    const summary = restoreFromTrash(core.requireProject(), id);
    if (!summary) throw new AppError('not_found', { what: 'Trash item', name: String(id) });
    return summary;
  },
  'trash.empty': ({ ids }, core) => ({ removed: emptyTrash(core.requireProject(), ids) }),
};

export const auditHandlers: HandlersFor<'audit'> = {
  'audit.list': ({ since, coder, documentId, codeId, op, limit = 1000 }, core) => {
    const project = core.requireProject();
    const filters: [string, string | number | undefined][] = [
      ['at >= ?', since],
      ['coder = ?', coder],
      ['document_id = ?', documentId],
      ['code_id = ?', codeId],
      ['op = ?', op],
    ];
    const chosen = filters.filter(([, value]) => value !== undefined);
    const where = chosen.map(([sql]) => sql);
    const params = chosen.map(([, value]) => value!);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (project.db.prepare(`SELECT count(*) AS n FROM audit_log ${clause}`).get(...params) as { n: number }).n;
    const entries = project.db
      .prepare(`SELECT id, at, coder, op, input, document_id AS documentId, code_id AS codeId FROM audit_log ${clause} ORDER BY id DESC LIMIT ?`)
      .all(...params, limit) as AuditEntry[];
    return { total, entries };
  },
};
