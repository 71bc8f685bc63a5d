/**
 * Numbered schema migrations. `PRAGMA user_version` holds the number of the
 * last one applied. Never edit a released migration: add the next one, so
 * that every project an older Tematik wrote keeps opening.
 */
import type { Database } from 'better-sqlite3';

export interface Migration {
  version: number;
  description: string;
  /**
   * Rebuilds a table that others refer to. Foreign keys are then off while it
   * runs (dropping the old copy would otherwise delete every row that refers
   * to it) and checked before it commits.
   */
  rebuildsTables?: true;
  up(db: Database): void;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'documents, codebook, codings, coders, cases with attributes, memos',
    up(db) {
      db.exec(`
        CREATE TABLE meta (
          key   TEXT PRIMARY KEY,
          value TEXT NOT NULL
        );
        CREATE TABLE documents (
          id           INTEGER PRIMARY KEY,
          uuid         TEXT NOT NULL UNIQUE,
          name         TEXT NOT NULL,
          source_name  TEXT NOT NULL,
          content_hash TEXT NOT NULL,
          imported_at  TEXT NOT NULL,
          text         TEXT NOT NULL,
          length       INTEGER NOT NULL
        );
        CREATE INDEX documents_content_hash ON documents(content_hash);
        CREATE UNIQUE INDEX documents_name ON documents(name);
        CREATE TABLE codes (
          id          INTEGER PRIMARY KEY,
          uuid        TEXT NOT NULL UNIQUE,
          name        TEXT NOT NULL,
          parent_id   INTEGER REFERENCES codes(id) ON DELETE CASCADE,
          color       TEXT NOT NULL,
          description TEXT NOT NULL DEFAULT '',
          position    INTEGER NOT NULL DEFAULT 0
        );
        CREATE UNIQUE INDEX codes_sibling_name ON codes(ifnull(parent_id, 0), name COLLATE NOCASE);
        CREATE TABLE coders (
          id   INTEGER PRIMARY KEY,
          name TEXT NOT NULL UNIQUE
        );
        CREATE TABLE codings (
          id          INTEGER PRIMARY KEY,
          uuid        TEXT NOT NULL UNIQUE,
          document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
          code_id     INTEGER NOT NULL REFERENCES codes(id) ON DELETE CASCADE,
          start       INTEGER NOT NULL,
          "end"       INTEGER NOT NULL,
          coder_id    INTEGER NOT NULL REFERENCES coders(id),
          created_at  TEXT NOT NULL,
          memo        TEXT,
          CHECK (start >= 0 AND "end" > start)
        );
        CREATE INDEX codings_document ON codings(document_id, start);
        CREATE INDEX codings_code ON codings(code_id);
        CREATE INDEX codings_coder ON codings(coder_id);
        CREATE TABLE cases (
          id          INTEGER PRIMARY KEY,
          uuid        TEXT NOT NULL UNIQUE,
          name        TEXT NOT NULL UNIQUE,
          description TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE case_attributes (
          case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
          name    TEXT NOT NULL,
          value   TEXT NOT NULL,
          PRIMARY KEY (case_id, name)
        );
        CREATE TABLE case_documents (
          case_id     INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
          document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
          PRIMARY KEY (case_id, document_id)
        );
        CREATE INDEX case_documents_document ON case_documents(document_id);
        CREATE TABLE memos (
          id          INTEGER PRIMARY KEY,
          uuid        TEXT NOT NULL UNIQUE,
          title       TEXT NOT NULL DEFAULT '',
          body        TEXT NOT NULL DEFAULT '',
          document_id INTEGER REFERENCES documents(id) ON DELETE CASCADE,
          code_id     INTEGER REFERENCES codes(id) ON DELETE CASCADE,
          created_at  TEXT NOT NULL,
          updated_at  TEXT NOT NULL
        );
      `);
    },
  },
  {
    version: 2,
    description: 'codebook guidance (inclusion, exclusion, example) and full-text index over documents',
    up(db) {
      db.exec(`
        ALTER TABLE codes ADD COLUMN inclusion TEXT NOT NULL DEFAULT '';
        ALTER TABLE codes ADD COLUMN exclusion TEXT NOT NULL DEFAULT '';
        ALTER TABLE codes ADD COLUMN example   TEXT NOT NULL DEFAULT '';

        CREATE VIRTUAL TABLE documents_fts USING fts5(
          name, text,
          content='documents', content_rowid='id',
          tokenize="unicode61 remove_diacritics 2"
        );
        INSERT INTO documents_fts(rowid, name, text) SELECT id, name, text FROM documents;
        CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
          INSERT INTO documents_fts(rowid, name, text) VALUES (new.id, new.name, new.text);
        END;
        CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
          INSERT INTO documents_fts(documents_fts, rowid, name, text) VALUES ('delete', old.id, old.name, old.text);
        END;
        CREATE TRIGGER documents_fts_update AFTER UPDATE OF name, text ON documents BEGIN
          INSERT INTO documents_fts(documents_fts, rowid, name, text) VALUES ('delete', old.id, old.name, old.text);
          INSERT INTO documents_fts(rowid, name, text) VALUES (new.id, new.name, new.text);
        END;
      `);
    },
  },
  {
    version: 3,
    description: 'speakers and turns, documents remember their format and import details',
    up(db) {
      db.exec(`
        ALTER TABLE documents ADD COLUMN format TEXT NOT NULL DEFAULT 'text';
        ALTER TABLE documents ADD COLUMN import_details TEXT NOT NULL DEFAULT '{}';
        CREATE TABLE speakers (
          id             INTEGER PRIMARY KEY,
          name           TEXT NOT NULL COLLATE NOCASE UNIQUE,
          is_interviewer INTEGER NOT NULL DEFAULT 0,
          case_id        INTEGER REFERENCES cases(id) ON DELETE SET NULL
        );
        CREATE TABLE turns (
          id            INTEGER PRIMARY KEY,
          document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
          speaker_id    INTEGER NOT NULL REFERENCES speakers(id),
          start         INTEGER NOT NULL,
          content_start INTEGER NOT NULL,
          "end"         INTEGER NOT NULL,
          time_start_ms INTEGER,
          time_end_ms   INTEGER,
          CHECK (start >= 0 AND content_start >= start AND "end" >= content_start)
        );
        CREATE INDEX turns_document ON turns(document_id, start);
        CREATE INDEX turns_speaker ON turns(speaker_id);
        CREATE INDEX speakers_case ON speakers(case_id);
        -- Each imported file commits on its own; merging index segments less eagerly saves ~12 % of import time.
        INSERT INTO documents_fts(documents_fts, rank) VALUES ('automerge', 8);
      `);
    },
  },
  {
    version: 4,
    description: 'stemmed full-text index (Indonesian and English stems of every word)',
    up(db) {
      db.exec(`
        ALTER TABLE documents ADD COLUMN stems_indexed INTEGER NOT NULL DEFAULT 0;
        CREATE VIRTUAL TABLE document_stems USING fts5(
          stems, content='', contentless_delete=1, tokenize="unicode61 remove_diacritics 2"
        );
        CREATE TRIGGER document_stems_delete AFTER DELETE ON documents WHEN old.stems_indexed = 1 BEGIN
          DELETE FROM document_stems WHERE rowid = old.id;
        END;
        CREATE TRIGGER document_stems_update AFTER UPDATE OF text ON documents WHEN old.stems_indexed = 1 BEGIN
          DELETE FROM document_stems WHERE rowid = old.id;
          UPDATE documents SET stems_indexed = 0 WHERE id = new.id;
        END;
      `);
    },
  },
  {
    version: 5,
    description: 'an atypical example on each code, beside the typical one',
    up(db) {
      db.exec(`ALTER TABLE codes ADD COLUMN atypical TEXT NOT NULL DEFAULT '';`);
    },
  },
  {
    version: 6,
    description: 'one memo per document, kept in the memos table',
    up(db) {
      db.exec(`CREATE UNIQUE INDEX memos_document ON memos(document_id) WHERE document_id IS NOT NULL AND code_id IS NULL;`);
    },
  },
  {
    version: 7,
    description: 'the written forms of each index term, so that search places its hits without stemming whole documents',
    up(db) {
      // The stem index is rebuilt lazily by the next search, this time with its word forms.
      db.exec(`
        CREATE TABLE word_forms (term TEXT NOT NULL, form TEXT NOT NULL, PRIMARY KEY (term, form)) WITHOUT ROWID;
        INSERT INTO document_stems(document_stems) VALUES ('delete-all');
        UPDATE documents SET stems_indexed = 0;
      `);
    },
  },
  {
    version: 8,
    description: 'a memo on each code: the researcher\'s analytic notes, kept with the code (and its undo)',
    up(db) {
      db.exec(`ALTER TABLE codes ADD COLUMN memo TEXT NOT NULL DEFAULT '';`);
    },
  },
  {
    version: 9,
    description: 'key quotes: codings the researcher marks for the chapter report',
    up(db) {
      db.exec(`ALTER TABLE codings ADD COLUMN key_quote INTEGER NOT NULL DEFAULT 0;`);
    },
  },
  {
    version: 10,
    description: 'notes on disagreements between coders: discussed or not, and the memo of the discussion',
    up(db) {
      db.exec(`
        CREATE TABLE agreement_notes (
          document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
          code_id     INTEGER NOT NULL REFERENCES codes(id) ON DELETE CASCADE,
          start       INTEGER NOT NULL,
          "end"       INTEGER NOT NULL,
          discussed   INTEGER NOT NULL DEFAULT 0,
          memo        TEXT NOT NULL DEFAULT '',
          updated_at  TEXT NOT NULL,
          PRIMARY KEY (document_id, code_id, start, "end")
        ) WITHOUT ROWID;
      `);
    },
  },
  {
    version: 11,
    description: 'the audit trail: every change, who made it and when, append-only',
    up(db) {
      db.exec(`
        CREATE TABLE audit_log (
          id          INTEGER PRIMARY KEY,
          at          TEXT NOT NULL,
          coder       TEXT NOT NULL,
          op          TEXT NOT NULL,
          input       TEXT NOT NULL,
          document_id INTEGER,
          code_id     INTEGER
        );
        -- No indexes: every write appends here, and each index would cost every commit another page;
        -- reading the trail filtered is rare and a scan of it is fast.
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
      `);
    },
  },
  {
    version: 12,
    description: 'the trash: deleted codes and documents, with their codings, restorable until emptied',
    up(db) {
      db.exec(`
        CREATE TABLE trash (
          id         INTEGER PRIMARY KEY,
          kind       TEXT NOT NULL,
          name       TEXT NOT NULL,
          deleted_at TEXT NOT NULL,
          payload    TEXT NOT NULL
        );
      `);
    },
  },
  {
    version: 13,
    description: 'drop the unstemmed full-text index: search reads the stemmed one, and keeping both cost every import a second copy of the text',
    up(db) {
      db.exec(`
        DROP TRIGGER IF EXISTS documents_fts_insert;
        DROP TRIGGER IF EXISTS documents_fts_delete;
        DROP TRIGGER IF EXISTS documents_fts_update;
        DROP TABLE IF EXISTS documents_fts;
      `);
    },
  },
  {
    version: 14,
    description: "index codings by code and document together: the codebook's counts per code (codings, documents, cases) are then read from the index alone, five times faster at 80,000 codings",
    up(db) {
      db.exec(`
        DROP INDEX IF EXISTS codings_code;
        CREATE INDEX codings_code ON codings(code_id, document_id);
      `);
    },
  },
  {
    version: 15,
    description: 'drop the index of codings by coder: nothing reads codings by coder alone (coders are never deleted), and keeping it cost every coding one more page to write',
    up(db) {
      db.exec('DROP INDEX IF EXISTS codings_coder;');
    },
  },
  {
    version: 16,
    description:
      "documents with their text as the last column: SQLite reaches a column stored after a long text only by walking the text's overflow pages, which every read of a document's length or format did (40 ms to list a thousand transcripts)",
    rebuildsTables: true,
    up(db) {
      db.exec(`
        CREATE TABLE documents_rebuilt (
          id             INTEGER PRIMARY KEY,
          uuid           TEXT NOT NULL UNIQUE,
          name           TEXT NOT NULL,
          source_name    TEXT NOT NULL,
          content_hash   TEXT NOT NULL,
          imported_at    TEXT NOT NULL,
          length         INTEGER NOT NULL,
          format         TEXT NOT NULL DEFAULT 'text',
          import_details TEXT NOT NULL DEFAULT '{}',
          stems_indexed  INTEGER NOT NULL DEFAULT 0,
          text           TEXT NOT NULL
        );
        INSERT INTO documents_rebuilt(id, uuid, name, source_name, content_hash, imported_at, length, format, import_details, stems_indexed, text)
          SELECT id, uuid, name, source_name, content_hash, imported_at, length, format, import_details, stems_indexed, text FROM documents;
        DROP TABLE documents;
        ALTER TABLE documents_rebuilt RENAME TO documents;
        CREATE INDEX documents_content_hash ON documents(content_hash);
        CREATE UNIQUE INDEX documents_name ON documents(name);
        CREATE TRIGGER document_stems_delete AFTER DELETE ON documents WHEN old.stems_indexed = 1 BEGIN
          DELETE FROM document_stems WHERE rowid = old.id;
        END;
        CREATE TRIGGER document_stems_update AFTER UPDATE OF text ON documents WHEN old.stems_indexed = 1 BEGIN
          DELETE FROM document_stems WHERE rowid = old.id;
          UPDATE documents SET stems_indexed = 0 WHERE id = new.id;
        END;
      `);
    },
  },
  {
    version: 17,
    description:
      "index speaker turns by speaker and document together: the Speakers panel's documents of each speaker are then read from the index alone (a speaker heard in a thousand transcripts: 60 ms, now 15 ms)",
    up(db) {
      db.exec(`
        DROP INDEX IF EXISTS turns_speaker;
        CREATE INDEX turns_speaker ON turns(speaker_id, document_id);
      `);
    },
  },
  {
    version: 18,
    description:
      "which documents each speaker speaks in, and how many turns there, kept in a table of their own instead of an index of every turn by speaker: a transcript's turns alternate between speakers, so each went into the middle of that index (about 6 % of importing 1,000 transcripts)",
    up(db) {
      db.exec(`
        CREATE TABLE speaker_documents (
          speaker_id  INTEGER NOT NULL REFERENCES speakers(id),
          document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
          turns       INTEGER NOT NULL CHECK (turns > 0),
          PRIMARY KEY (speaker_id, document_id)
        ) WITHOUT ROWID;
        CREATE INDEX speaker_documents_document ON speaker_documents(document_id);
        INSERT INTO speaker_documents(speaker_id, document_id, turns) SELECT speaker_id, document_id, count(*) FROM turns GROUP BY speaker_id, document_id;
        DROP INDEX turns_speaker;
      `);
    },
  },
  {
    version: 19,
    description:
      "a document's speaker turns kept as one row instead of a row each: every reader wants all of a document's turns or the one a coding starts in, and as rows, with their index, the turns of a thousand transcripts took longer to write than the transcripts",
    up(db) {
      db.exec(`
        CREATE TABLE document_turns (
          document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
          turns       BLOB NOT NULL CHECK (length(turns) > 0 AND length(turns) % 16 = 0),
          times       BLOB CHECK (times IS NULL OR length(times) = length(turns))
        );
      `);
      const insert = db.prepare('INSERT INTO document_turns(document_id, turns, times) VALUES (?, ?, ?)');
      const documents = db.prepare('SELECT DISTINCT document_id FROM turns').pluck().all() as number[];
      const turnsOf = db.prepare('SELECT speaker_id, start, content_start, "end", time_start_ms, time_end_ms FROM turns WHERE document_id = ? ORDER BY start, id').raw(true);
      for (const documentId of documents) {
        const rows = turnsOf.all(documentId) as [number, number, number, number, number | null, number | null][];
        const ints = Int32Array.from(rows.flatMap(([speaker, start, contentStart, end]) => [speaker, start, contentStart, end]));
        const times = Float64Array.from(rows.flatMap(([, , , , from, to]) => [from ?? NaN, to ?? NaN]));
        const timed = rows.some(([, , , , from, to]) => from !== null || to !== null);
        insert.run(documentId, Buffer.from(ints.buffer), timed ? Buffer.from(times.buffer) : null);
      }
      db.exec('DROP TABLE turns;');
    },
  },
];

export const latestSchemaVersion = migrations[migrations.length - 1]!.version;
