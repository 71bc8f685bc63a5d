/**
 * Opening and creating project files. A project is one SQLite file in WAL
 * mode with foreign keys on, marked with Tematik's application id so that a
 * stray SQLite file is recognised as "not a project" instead of being altered.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import { latestSchemaVersion, migrations, type Migration } from './migrations';

/** 'TEMA' in ASCII. */
export const TEMATIK_APPLICATION_ID = 0x54454d41;

export interface OpenOptions {
  create: boolean;
  /** Path of a better-sqlite3 binary built for the running runtime (Electron needs its own). */
  nativeBinding?: string;
  /** For tests that build old project files: stop at this schema version. */
  targetVersion?: number;
  /** Open without writing anything (no migration; the project must be current). */
  readOnly?: boolean;
  /** Run SQLite's quick check after opening and refuse a damaged file. */
  check?: boolean;
}

export function openProjectFile(filePath: string, options: OpenOptions): Database.Database {
  const file = path.resolve(filePath);
  const exists = fs.existsSync(file);
  if (options.create && exists) throw new AppError('file_exists', { file });
  if (!options.create && !exists) throw new AppError('file_missing', { file });

  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: !options.create, nativeBinding: options.nativeBinding, readonly: options.readOnly === true });
  } catch (error) {
    throw new AppError('project_unreadable', { file, detail: (error as Error).message });
  }
  try {
    prepare(db, file, options);
    return db;
  } catch (error) {
    db.close();
    if (options.create) removeQuietly(file);
    throw error;
  }
}

function prepare(db: Database.Database, file: string, options: OpenOptions): void {
  try {
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    const isFresh = options.create || (applicationId === 0 && version === 0 && tableCount(db) === 0);
    if (!isFresh && applicationId !== TEMATIK_APPLICATION_ID) throw new AppError('not_a_project', { file });
    if (version > latestSchemaVersion) {
      throw new AppError('schema_too_new', { file, found: version, supported: latestSchemaVersion });
    }
    if (options.readOnly) {
      db.pragma('busy_timeout = 5000');
      if (version < latestSchemaVersion) throw new AppError('read_only_old', { file: path.basename(file) });
    } else {
      db.pragma('journal_mode = WAL');
      // A commit is in the WAL when it returns, so it survives any crash or kill of the process; the
      // project flushes the WAL to the disk itself shortly after (Project.wrote), against power cuts.
      db.pragma('synchronous = NORMAL');
      // The project checkpoints itself, on a thread of its own, within moments of a write (Project.wrote);
      // SQLite's own checkpoint, by the writer, at every thousand pages of WAL (about 150 codings) only repeated
      // that work during a burst. At 4,000 pages it finishes what the other has not, and bounds the WAL at 16 MB.
      db.pragma('wal_autocheckpoint = 4000');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      // A savepoint (each file of an import group) keeps the pages it changes in a sub-journal; on disk that
      // is a temporary file written page by page, which made imports twice as slow.
      db.pragma('temp_store = MEMORY');
    }
    if (options.check) {
      const result = (db.pragma('quick_check', { simple: true }) as string) ?? 'ok';
      if (result !== 'ok') throw new AppError('project_damaged', { file: path.basename(file), detail: result });
    }
    if (!options.readOnly) migrate(db, version, options.targetVersion ?? latestSchemaVersion);
  } catch (error) {
    if (error instanceof AppError) throw error;
    // SQLITE_NOTADB and friends: the file is not a database at all.
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') throw new AppError('not_a_project', { file });
    throw new AppError('project_unreadable', { file, detail: (error as Error).message });
  }
}

function tableCount(db: Database.Database): number {
  return (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n;
}

/** Apply each pending migration in its own transaction, so a failure leaves the last good version. */
function migrate(db: Database.Database, from: number, to: number): void {
  const pending: Migration[] = migrations.filter((m) => m.version > from && m.version <= to);
  for (const migration of pending) {
    // Outside the transaction: SQLite ignores this pragma inside one.
    if (migration.rebuildsTables) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        migration.up(db);
        if (migration.rebuildsTables && (db.pragma('foreign_key_check') as unknown[]).length > 0) {
          throw new Error(`migration ${migration.version} would leave rows pointing at nothing`);
        }
        db.pragma(`application_id = ${TEMATIK_APPLICATION_ID}`);
        db.pragma(`user_version = ${migration.version}`);
      })();
    } finally {
      if (migration.rebuildsTables) db.pragma('foreign_keys = ON');
    }
  }
  // A rebuilt table leaves its old pages free: give them back, or the file stays as large as both copies.
  if (pending.some((m) => m.rebuildsTables)) {
    try {
      db.exec('VACUUM');
    } catch {
      // No room for the copy VACUUM makes (a full disk): the project is whole, only larger than it need be.
    }
  }
}

function removeQuietly(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) {
    try {
      fs.rmSync(file + suffix, { force: true });
    } catch {
      // Leaving a stray empty file behind is harmless; the original error matters more.
    }
  }
}
