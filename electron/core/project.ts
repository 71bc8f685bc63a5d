/**
 * An open project: its database, a cache of prepared statements, and the
 * code-point indexes of documents already read (building one costs a pass over
 * the text, so it is kept until the document changes).
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/api/errors';
import type Database from 'better-sqlite3';
import { CodePointIndex } from '../../shared/text/codepoints';
import { Checkpointer } from './store/checkpointer';

/**
 * How long a committed change may stay in the system's cache before it is on
 * the disk itself. Syncing at every commit would cost a disk flush (about
 * half a millisecond here) per coding; a crash or kill of Tematik loses
 * nothing either way, only a power cut or a crash of the whole system within
 * this window could.
 */
const flushDelayMs = 200;

/** A quarter of the WAL at which the writer would checkpoint itself (`wal_autocheckpoint`, 16 MB). */
const checkpointAfterTextBytes = 4 * 1024 * 1024;

/**
 * About 16 MB of text as UTF-16: a hundred or more transcripts, far more
 * than a researcher has open at once (passes over every transcript do not
 * go through the cache).
 */
const maxCachedChars = 8_000_000;

interface CachedText {
  text: string;
  index: CodePointIndex;
}

export class Project {
  readonly db: Database.Database;
  readonly path: string;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly texts = new Map<number, CachedText>();
  private textChars = 0;
  private readonly derived = new Map<string, { version: string; value: unknown }>();

  readonly readOnly: boolean;
  private readonly inode: number;
  private flushTimer: NodeJS.Timeout | null = null;
  private flushDue = 0;
  private textSinceFlush = 0;

  private readonly checkpointer: Checkpointer;

  constructor(db: Database.Database, filePath: string, readOnly = false, nativeBinding?: string) {
    this.db = db;
    this.path = path.resolve(filePath);
    this.readOnly = readOnly;
    this.inode = fs.statSync(this.path).ino;
    this.checkpointer = new Checkpointer(this.path, nativeBinding, () => this.checkpointHere());
  }

  /**
   * SQLite keeps writing to a file that was deleted or moved while open, and
   * those writes vanish at close: refuse to write once the file at our path
   * is no longer the one we opened.
   */
  assertInPlace(): void {
    let inode: number | null = null;
    try {
      inode = fs.statSync(this.path).ino;
    } catch {
      // Gone.
    }
    if (inode !== this.inode) throw new AppError('project_moved', { file: `${this.name}.tematik` });
  }

  private readonly writeWatchers = new Set<() => void>();

  /** Calls `watcher` after each committed write, until the returned function is called: for state kept in step with the rows. */
  watchWrites(watcher: () => void): () => void {
    this.writeWatchers.add(watcher);
    return () => this.writeWatchers.delete(watcher);
  }

  /** After each committed write: watchers catch up, and the WAL goes to the disk within `flushDelayMs`, once for however many writes. */
  wrote(): void {
    for (const watcher of this.writeWatchers) watcher();
    if (this.readOnly) return;
    if (this.flushTimer) {
      // Writes one after another with no turn of the event loop between them (the groups of an import) would hold the timer off.
      if (performance.now() < this.flushDue) return;
      clearTimeout(this.flushTimer);
      this.flushTimer = null;
      this.flush();
      return;
    }
    this.flushDue = performance.now() + flushDelayMs;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      this.flush();
    }, flushDelayMs);
    // A CLI run must not wait for it: closing the project checkpoints anyway.
    this.flushTimer.unref();
  }

  /**
   * After a commit that wrote `bytes` of text (a group of imported files):
   * once such commits add up to a few megabytes, a checkpoint now rather than
   * when the timer fires. Between two timed checkpoints an import wrote past
   * `wal_autocheckpoint`, and the writer then copied 16 MB into the file
   * itself while the upload waited: four times in 1,000 transcripts, about a
   * tenth of the import's time. A few small files ask for nothing: the worker
   * is not started for them (closing the project checkpoints anyway).
   */
  wroteText(bytes: number): void {
    this.textSinceFlush += bytes;
    if (this.textSinceFlush >= checkpointAfterTextBytes) this.flush();
  }

  /** A checkpoint (SQLite syncs the WAL, copies it into the file and syncs that), on a thread of its own. */
  private flush(): void {
    this.textSinceFlush = 0;
    if (!this.db.open || this.readOnly) return;
    this.checkpointer.request();
  }

  private checkpointHere(): void {
    try {
      this.db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // A full disk or a vanished file: the next write reports it; the commits are safe in the WAL.
    }
  }

  get name(): string {
    return path.basename(this.path).replace(/\.tematik$/i, '');
  }

  /** Statements handed out so far: the regression tests count work with it instead of timing it. */
  statementsUsed = 0;

  /** A prepared statement, compiled once per project. */
  stmt(sql: string): Database.Statement {
    this.statementsUsed++;
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Rows changed by upkeep of derived indexes (search stems): no cached value is computed from them. */
  private upkeepChanges = 0;

  /** Rows changed through this connection since it opened. */
  totalChanges(): number {
    return this.stmt('SELECT total_changes()').pluck().get() as number;
  }

  /** Runs work whose row changes leave every cached value valid, so that indexing for search does not make the analyses start over. */
  upkeep<T>(work: () => T): T {
    const before = this.totalChanges();
    try {
      return work();
    } finally {
      this.upkeepChanges += this.totalChanges() - before;
    }
  }

  /**
   * A value computed from the project's rows, kept until any row changes:
   * SQLite's count of rows changed through this connection (less those of
   * upkeep), with its data version for changes made by another, says when it
   * is stale.
   */
  cached<T>(key: string, build: () => T): T {
    return this.cachedAt(key, `${this.totalChanges() - this.upkeepChanges}:${this.stmt('PRAGMA data_version').pluck().get() as number}`, build);
  }

  /** A value kept while `version` (of whatever it is computed from) stays the same. */
  cachedAt<T>(key: string, version: string, build: () => T): T {
    const hit = this.derived.get(key);
    if (hit?.version === version) return hit.value as T;
    const value = build();
    this.derived.set(key, { version, value });
    return value;
  }

  meta(key: string): string | null {
    const row = this.stmt('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    this.stmt('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  get schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  /**
   * Text of a document with its code-point index, or null if there is no
   * such document. A pass over every transcript (indexing for search) reads
   * with `remember: false`: it would only push out the few being read, and
   * keep a project's worth of text in memory until they came back.
   */
  documentText(documentId: number, { remember = true } = {}): CachedText | null {
    const cached = this.texts.get(documentId);
    if (cached) {
      // Most recently used last, so that the oldest go first.
      this.texts.delete(documentId);
      this.texts.set(documentId, cached);
      return cached;
    }
    const row = this.stmt('SELECT text FROM documents WHERE id = ?').get(documentId) as { text: string } | undefined;
    if (!row) return null;
    const entry = { text: row.text, index: new CodePointIndex(row.text) };
    if (!remember) return entry;
    this.texts.set(documentId, entry);
    this.textChars += row.text.length;
    // A project of a thousand transcripts must not keep them all in memory: the newest few are what is being read.
    for (const [id, old] of this.texts) {
      if (this.textChars <= maxCachedChars || this.texts.size <= 1) break;
      this.texts.delete(id);
      this.textChars -= old.text.length;
    }
    return entry;
  }

  forgetDocumentText(documentId: number): void {
    const old = this.texts.get(documentId);
    if (old) this.textChars -= old.text.length;
    this.texts.delete(documentId);
  }

  close(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    this.statements.clear();
    this.texts.clear();
    this.textChars = 0;
    this.derived.clear();
    this.writeWatchers.clear();
    this.checkpointer.close();
    if (this.db.open) {
      // Fold the WAL back into the main file so the project is one self-contained file at rest.
      if (!this.readOnly) {
        try {
          this.db.pragma('wal_checkpoint(TRUNCATE)');
        } catch {
          // A full disk or a vanished file: the WAL stays, and SQLite folds it in on the next open.
        }
      }
      this.db.close();
    }
  }
}
