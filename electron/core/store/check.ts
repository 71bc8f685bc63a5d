/** `tematik check`: SQLite's integrity and foreign-key checks and the schema version, without changing the file. */
import Database from 'better-sqlite3';

export interface CheckResult {
  ok: boolean;
  integrity: string;
  foreign_keys: { table: string; rowid: number | null; parent: string }[];
  schema_version: number | null;
}

export function checkDatabase(db: Database.Database): CheckResult {
  const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
  const foreignKeys = (db.pragma('foreign_key_check') as { table: string; rowid: number | null; parent: string }[]).map(({ table, rowid, parent }) => ({ table, rowid, parent }));
  return { ok: integrity === 'ok' && foreignKeys.length === 0, integrity, foreign_keys: foreignKeys, schema_version: db.pragma('user_version', { simple: true }) as number };
}

export function checkProjectFile(file: string, nativeBinding?: string): CheckResult {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
  } catch (error) {
    return { ok: false, integrity: (error as Error).message, foreign_keys: [], schema_version: null };
  }
  try {
    return checkDatabase(db);
  } catch (error) {
    return { ok: false, integrity: (error as Error).message, foreign_keys: [], schema_version: null };
  } finally {
    db.close();
  }
}
