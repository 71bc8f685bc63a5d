/**
 * Rolling backups with SQLite's online backup: a consistent copy taken while
 * the project stays open, written under a temporary name, verified (opens,
 * passes a quick check, is a Tematik project) and only then given its name.
 * Backups live in `NAME.backups/` beside the project unless the researcher
 * chose a folder; automatic ones beyond the newest K are removed, manual ones
 * and those made before a restore are kept.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { Project } from '../project';
import { TEMATIK_APPLICATION_ID } from './projectFile';

export type BackupKind = 'manual' | 'auto' | 'open' | 'before-restore';

export interface BackupSettings {
  /** Minutes of changes between automatic backups. */
  everyMinutes: number;
  /** Automatic backups kept. */
  keep: number;
  /** A folder of the researcher's choosing; beside the project when null. */
  folder: string | null;
}

export interface BackupInfo {
  file: string;
  path: string;
  kind: BackupKind;
  at: string;
  bytes: number;
  /** What the project holds now compared with the backup (positive: added since). */
  since: { documents: number; codes: number; codings: number } | null;
}

export const defaultBackupSettings: BackupSettings = { everyMinutes: 10, keep: 10, folder: null };

export function backupSettings(project: Project): BackupSettings {
  try {
    return { ...defaultBackupSettings, ...(JSON.parse(project.meta('backup_settings') ?? '{}') as Partial<BackupSettings>) };
  } catch {
    return defaultBackupSettings;
  }
}

export function backupFolder(project: Project): string {
  return backupSettings(project).folder ?? path.join(path.dirname(project.path), `${project.name}.backups`);
}

const stamp = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
/** 20261201T181500Z back to an ISO time. */
const isoOf = (s: string) => `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}Z`;
const pattern = /^(.*)-(\d{8}T\d{6}Z)(?:-(\d+))?-(manual|auto|open|before-restore)\.tematik$/;

/** Opens a file that should be a project backup, read-only, and says what is wrong with it if anything. */
function verify(file: string, nativeBinding?: string): void {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
    if (db.pragma('application_id', { simple: true }) !== TEMATIK_APPLICATION_ID) throw new AppError('backup_invalid', { file: path.basename(file), detail: 'not a Tematik project' });
    const check = db.pragma('quick_check', { simple: true }) as string;
    if (check !== 'ok') throw new AppError('backup_invalid', { file: path.basename(file), detail: check });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('backup_invalid', { file: path.basename(file), detail: (error as Error).message });
  } finally {
    db?.close();
  }
}

export async function createBackup(project: Project, kind: BackupKind, options: { out?: string; nativeBinding?: string } = {}): Promise<BackupInfo> {
  const folder = options.out ? path.dirname(path.resolve(options.out)) : backupFolder(project);
  fs.mkdirSync(folder, { recursive: true });
  const at = new Date();
  let target = options.out ? path.resolve(options.out) : path.join(folder, `${project.name}-${stamp(at)}-${kind}.tematik`);
  for (let n = 2; !options.out && fs.existsSync(target); n++) target = path.join(folder, `${project.name}-${stamp(at)}-${n}-${kind}.tematik`);
  if (options.out && fs.existsSync(target)) throw new AppError('file_exists', { file: path.basename(target) });
  const partial = `${target}.partial`;
  try {
    await project.db.backup(partial);
    selfContained(partial, options.nativeBinding);
    verify(partial, options.nativeBinding);
    fs.renameSync(partial, target);
  } catch (error) {
    removeWithSidecars(partial);
    throw error;
  }
  if (kind === 'auto' || kind === 'open') prune(project, target);
  return describe(target, project, options.nativeBinding);
}

/** A backup is one file: no write-ahead log beside it that could be lost when it is copied. */
function selfContained(file: string, nativeBinding?: string): void {
  const db = new Database(file, { nativeBinding });
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

function removeWithSidecars(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

function prune(project: Project, newest: string): void {
  const { keep } = backupSettings(project);
  const rolling = listBackupFiles(project).filter((b) => (b.kind === 'auto' || b.kind === 'open') && b.path !== newest);
  for (const old of rolling.slice(Math.max(0, keep - 1))) removeWithSidecars(old.path);
}

function listBackupFiles(project: Project): { path: string; kind: BackupKind }[] {
  return backupFilesIn(backupFolder(project), project.name);
}

/** The backups of project `name` in `folder`, newest first. */
function backupFilesIn(folder: string, name: string): { path: string; kind: BackupKind }[] {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .map((file) => ({ name: file, match: pattern.exec(file) }))
    .filter(({ match }) => match && match[1] === name)
    .map(({ name, match }) => {
      const s = match![2]!;
      return { path: path.join(folder, name), kind: match![4] as BackupKind, order: `${s}-${(match![3] ?? '1').padStart(4, '0')}` };
    })
    .sort((a, b) => b.order.localeCompare(a.order));
}

function counts(db: Database.Database): { documents: number; codes: number; codings: number } {
  const n = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { documents: n('documents'), codes: n('codes'), codings: n('codings') };
}

function describe(file: string, project: Project, nativeBinding?: string): BackupInfo {
  const match = pattern.exec(path.basename(file));
  const s = match?.[2];
  let since: BackupInfo['since'] = null;
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
    try {
      const then = counts(db);
      const now = counts(project.db);
      since = { documents: now.documents - then.documents, codes: now.codes - then.codes, codings: now.codings - then.codings };
    } finally {
      db.close();
    }
  } catch {
    // An unreadable backup is still listed; restoring it will say why it cannot be used.
  }
  return {
    file: path.basename(file),
    path: file,
    kind: (match?.[4] as BackupKind | undefined) ?? 'manual',
    at: s ? isoOf(s) : fs.statSync(file).mtime.toISOString(),
    bytes: fs.statSync(file).size,
    since,
  };
}

export function listBackups(project: Project, nativeBinding?: string): BackupInfo[] {
  return listBackupFiles(project).map((b) => describe(b.path, project, nativeBinding));
}

/**
 * Puts a backup in the project's place. The current file is backed up first;
 * the backup is verified, copied beside the project and renamed over it, so
 * a failure at any point leaves either the old file or the restored one.
 * The caller closes the project before and opens it again after.
 */
export function replaceWithBackup(projectPath: string, backup: string, nativeBinding?: string): void {
  verify(backup, nativeBinding);
  const partial = `${projectPath}.restoring`;
  fs.copyFileSync(backup, partial);
  const fd = fs.openSync(partial, 'r+');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(projectPath + suffix, { force: true });
  fs.renameSync(partial, projectPath);
}

export { verify as verifyBackup };

/** The backups beside a project file that is not open (newest first), for a project that cannot be opened. */
export function backupsBesideFile(projectPath: string, nativeBinding?: string): string[] {
  const name = path.basename(projectPath).replace(/\.tematik$/i, '');
  return backupFilesIn(path.join(path.dirname(projectPath), `${name}.backups`), name)
    .map((b) => b.path)
    .filter((file) => {
      try {
        verify(file, nativeBinding);
        return true;
      } catch {
        return false;
      }
    });
}

/**
 * Restores a project that is not open (perhaps because it is damaged): what
 * is there now is kept in the backup folder first, byte for byte with its
 * write-ahead log, then the backup is put in its place.
 */
export function restoreFile(projectPath: string, backup: string, nativeBinding?: string): string {
  verify(backup, nativeBinding);
  const name = path.basename(projectPath).replace(/\.tematik$/i, '');
  const folder = path.join(path.dirname(projectPath), `${name}.backups`);
  fs.mkdirSync(folder, { recursive: true });
  const kept = path.join(folder, `${name}-${stamp(new Date())}-before-restore.tematik`);
  if (fs.existsSync(projectPath)) {
    fs.copyFileSync(projectPath, kept);
    if (fs.existsSync(`${projectPath}-wal`)) fs.copyFileSync(`${projectPath}-wal`, `${kept}-wal`);
  }
  replaceWithBackup(projectPath, backup, nativeBinding);
  return kept;
}
