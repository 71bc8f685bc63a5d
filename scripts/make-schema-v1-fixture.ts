// Writes test/fixtures/schema-v1.tematik: a project as the first schema version
// stored it, with a little of everything, for the migration test. Run once per
// schema change that needs a new historical fixture; the file is committed.
import fs from 'node:fs';
import path from 'node:path';
import { openProjectFile } from '../electron/core/store/projectFile';

const file = path.resolve(import.meta.dirname, '..', 'test', 'fixtures', 'schema-v1.tematik');
for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
const db = openProjectFile(file, { create: true, targetVersion: 1 });
const now = '2026-03-14T09:00:00.000Z';
const text = 'Pewawancara: Bagaimana penghasilan Anda?\nRina: Naik turun 😅, tidak ada BPJS.';
db.exec(`INSERT INTO meta(key, value) VALUES ('current_coder', 'Ana')`);
db.prepare(`INSERT INTO documents(id, uuid, name, source_name, content_hash, imported_at, text, length) VALUES (1, 'd1', 'Rina', 'rina.txt', 'h', ?, ?, ?)`).run(
  now,
  text,
  [...text].length,
);
db.exec(`INSERT INTO codes(id, uuid, name, parent_id, color, description, position) VALUES
  (1, 'c1', 'Challenges', NULL, '#d55e00', 'Difficulties', 0),
  (2, 'c2', 'Income uncertainty', 1, '#e69f00', 'Irregular income', 0),
  (3, 'c3', 'Welfare', 1, '#999933', 'No protection', 1)`);
db.exec(`INSERT INTO coders(id, name) VALUES (1, 'Ana')`);
db.prepare(`INSERT INTO codings(uuid, document_id, code_id, start, "end", coder_id, created_at, memo) VALUES (?, 1, ?, ?, ?, 1, ?, ?)`).run('k1', 2, 47, 66, now, 'fluctuating');
db.prepare(`INSERT INTO codings(uuid, document_id, code_id, start, "end", coder_id, created_at, memo) VALUES (?, 1, ?, ?, ?, 1, ?, NULL)`).run('k2', 3, 59, 76, now);
db.exec(`INSERT INTO cases(id, uuid, name) VALUES (1, 'k', 'Rina');
  INSERT INTO case_attributes(case_id, name, value) VALUES (1, 'generation', 'Gen Z');
  INSERT INTO case_documents(case_id, document_id) VALUES (1, 1);
  INSERT INTO memos(uuid, title, body, document_id, created_at, updated_at) VALUES ('m1', 'First read', 'Income and welfare travel together.', 1, '${now}', '${now}');`);
db.pragma('wal_checkpoint(TRUNCATE)');
db.pragma('journal_mode = DELETE');
db.exec('VACUUM');
db.close();
console.log(`wrote ${file}`);
