import type Database from 'better-sqlite3';

/**
 * Every row of every table holding the project's content: comparing two
 * snapshots shows whether anything changed. The audit trail (which records
 * every attempt, by design) and the trash (which outlives an undo, hidden)
 * are left out.
 */
export function snapshotDatabase(db: Database.Database): Record<string, unknown[]> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'documents_fts%' AND name NOT IN ('audit_log', 'trash') ORDER BY name")
    .all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}"`).all()]));
}
