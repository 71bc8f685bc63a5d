import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { latestSchemaVersion } from '../../electron/core/store/migrations';
import { newCore, repoRoot } from '../helpers/tempProject';

describe('project files across versions', () => {
  it('opens a project written by schema version 1 and upgrades it without losing anything', async () => {
    const { run, dir, core } = newCore();
    const file = path.join(dir, 'old.tematik');
    fs.copyFileSync(path.join(repoRoot, 'test', 'fixtures', 'schema-v1.tematik'), file);
    const before = new Database(file, { readonly: true });
    expect(before.pragma('user_version', { simple: true })).toBe(1);
    before.close();

    const info = await run('project.open', { path: file });
    expect(info.schemaVersion).toBe(latestSchemaVersion);
    expect(info.currentCoder).toBe('Ana');
    expect((await run('codes.list')).map((c) => [c.name, c.inclusion])).toEqual([
      ['Challenges', ''],
      ['Income uncertainty', ''],
      ['Welfare', ''],
    ]);
    expect((await run('codings.rows', {})).map((r) => [r.code, r.text, r.coder, r.memo])).toEqual([
      ['Income uncertainty', 'Naik turun 😅, tidak', 'Ana', 'fluctuating'],
      ['Welfare', ', tidak ada BPJS.', 'Ana', null],
    ]);
    expect((await run('codings.list', {})).map((c) => c.keyQuote)).toEqual([false, false]);
    expect(await run('cases.list')).toEqual([{ id: 1, name: 'Rina', attributes: { generation: 'Gen Z' }, documents: ['Rina'] }]);
    // Search covers documents imported under version 1.
    expect((await run('search.text', { terms: 'penghasilan' })).length).toBeGreaterThan(0);
    expect(core.project!.db.pragma('integrity_check', { simple: true })).toBe('ok');
    // Documents were rebuilt with their text last (migration 16), every row that refers to one still does, and its triggers came along.
    const db = core.project!.db;
    expect((db.pragma('table_info(documents)') as { name: string }[]).map((c) => c.name).at(-1)).toBe('text');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'documents' ORDER BY name").pluck().all()).toEqual(['document_stems_delete', 'document_stems_update']);
    // Which documents a speaker speaks in has a table of its own (migration 18); a document's turns are one row (migration 19).
    expect(db.prepare("SELECT name FROM sqlite_master WHERE tbl_name = 'turns'").all()).toEqual([]);
    expect((db.pragma('table_info(document_turns)') as { name: string }[]).map((c) => c.name)).toEqual(['document_id', 'turns', 'times']);
    expect((db.pragma('table_info(speaker_documents)') as { name: string }[]).map((c) => c.name)).toEqual(['speaker_id', 'document_id', 'turns']);
    const [rina] = await run('documents.list');
    await run('documents.delete', { id: rina!.id });
    expect(await run('codings.rows', {})).toEqual([]);
    expect((await run('search.text', { terms: 'penghasilan' })).length).toBe(0);
    core.close();
  });

  it('refuses a project made by a newer Tematik and leaves it untouched', async () => {
    const { run, dir } = newCore();
    const file = path.join(dir, 'future.tematik');
    fs.copyFileSync(path.join(repoRoot, 'test', 'fixtures', 'schema-v1.tematik'), file);
    const db = new Database(file);
    db.pragma(`user_version = ${latestSchemaVersion + 5}`);
    db.close();
    const bytes = fs.readFileSync(file);
    await expect(run('project.open', { path: file })).rejects.toMatchObject({ code: 'schema_too_new' });
    await expect(run('project.open', { path: file })).rejects.toThrow(/newer version of Tematik/);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('refuses files that are not Tematik projects', async () => {
    const { run, dir } = newCore();
    const text = path.join(dir, 'notes.tematik');
    fs.writeFileSync(text, 'just some notes, not a database at all, long enough to have a header.........................................');
    await expect(run('project.open', { path: text })).rejects.toMatchObject({ code: 'not_a_project' });

    const other = path.join(dir, 'other.tematik');
    const db = new Database(other);
    db.exec('CREATE TABLE budget (amount INTEGER)');
    db.close();
    await expect(run('project.open', { path: other })).rejects.toMatchObject({ code: 'not_a_project' });
    const check = new Database(other, { readonly: true });
    expect(check.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all()).toEqual([{ name: 'budget' }]);
    check.close();
  });

  it('refuses to create over an existing file and to open a missing one', async () => {
    const { run, dir } = newCore();
    const file = path.join(dir, 'a.tematik');
    fs.writeFileSync(file, 'x');
    await expect(run('project.create', { path: file })).rejects.toMatchObject({ code: 'file_exists' });
    await expect(run('project.open', { path: path.join(dir, 'missing.tematik') })).rejects.toMatchObject({ code: 'file_missing' });
    expect(fs.readFileSync(file, 'utf8')).toBe('x');
  });
});
