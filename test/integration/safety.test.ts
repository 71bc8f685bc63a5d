/**
 * Data safety on real project files: the audit trail records every write
 * once (and nothing that failed), backups verify and restore, one app holds
 * a project at a time, and write failures — a full disk, a read-only
 * database, a file moved away — say so and change nothing. A few SIGKILLs
 * of a working process here; `npm run torture` runs a thousand.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import { call } from '../../electron/core/dispatcher';
import { riskyLocation } from '../../electron/core/store/location';
import { lockPath } from '../../electron/core/store/lock';
import { torture } from '../../scripts/torture/run';
import { snapshotDatabase } from '../helpers/snapshot';
import { newCore, repoRoot, tempDir, writeFile } from '../helpers/tempProject';

async function sample() {
  const env = newCore();
  await env.run('project.openSample', { path: path.join(env.dir, 'study.tematik'), lang: 'en' });
  const [doc] = await env.run('documents.list');
  const codes = await env.run('codes.list');
  return { ...env, doc: doc!, codes };
}

const appCore = (dir: string) => new Core({ shell: 'browser', resourceDir: repoRoot, sampleDir: dir, fallbackCoder: 'tester', app: true });

describe('the audit trail', () => {
  it('records every write operation once, with its coder and input, and nothing that failed', async () => {
    const { run, doc, codes, core } = await sample();
    const before = (await run('audit.list', {})).total;
    const code = await run('codes.create', { name: 'Burnout' });
    const coding = await run('codings.create', { documentId: doc.id, codeId: code.id, start: 0, end: 12, coder: 'Ayu' });
    await run('codings.update', { id: coding.id, memo: 'check' });
    await run('codes.merge', { sourceId: code.id, targetId: codes[1]!.id });
    await run('documents.setMemo', { id: doc.id, memo: 'first interview' });
    await expect(run('codings.create', { documentId: doc.id, codeId: 999_999, start: 0, end: 5 })).rejects.toMatchObject({ code: 'not_found' });
    const { total, entries } = await run('audit.list', {});
    expect(total - before).toBe(5);
    expect(entries.slice(0, 5).map((e) => e.op).reverse()).toEqual(['codes.create', 'codings.create', 'codings.update', 'codes.merge', 'documents.setMemo']);
    const created = entries.find((e) => e.op === 'codings.create')!;
    expect(created).toMatchObject({ coder: 'Ayu', documentId: doc.id, codeId: code.id });
    expect(JSON.parse(created.input)).toEqual({ documentId: doc.id, codeId: code.id, start: 0, end: 12, coder: 'Ayu' });
    expect((await run('audit.list', { documentId: doc.id })).entries.every((e) => e.documentId === doc.id)).toBe(true);
    expect((await run('audit.list', { coder: 'Ayu' })).total).toBe(1);
    expect(() => core.project!.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() => core.project!.db.prepare("UPDATE audit_log SET coder = 'x'").run()).toThrow(/append-only/);
  });

  it('keeps uploads and long lists out of the trail, but says how large they were', async () => {
    const { run } = await sample();
    const file = { fileName: 'note.txt', base64: Buffer.from('Rina: satu dua tiga empat lima.\nPewawancara: ya?\nRina: enam.').toString('base64') };
    await run('documents.importUploads', { files: [file] });
    const [entry] = (await run('audit.list', { op: 'documents.importUploads' })).entries;
    expect(entry!.input).toContain('"fileName":"note.txt"');
    expect(entry!.input).toMatch(/"base64":"\(\d+ characters\)"/);
    await run('documents.importUploads', { files: [{ fileName: 'note2.txt', bytes: Buffer.from('Rina: tujuh delapan.\nPewawancara: oke.') }] });
    const [latest] = (await run('audit.list', { op: 'documents.importUploads' })).entries;
    expect(latest!.input).toContain('"bytes":"(38 bytes)"');
  });
});

describe('checks, backups and restores', () => {
  it('checks a project without changing it, and finds a damaged one', async () => {
    const { run, dir, core } = await sample();
    expect(await run('project.check', {})).toEqual({ ok: true, integrity: 'ok', foreign_keys: [], schema_version: core.project!.schemaVersion });
    core.close();
    const file = path.join(dir, 'study.tematik');
    const damaged = path.join(dir, 'damaged.tematik');
    const bytes = fs.readFileSync(file);
    // Scribble over the middle of the file, past the header.
    bytes.fill(0x5a, 8192, 16384);
    fs.writeFileSync(damaged, bytes);
    const copy = Buffer.from(bytes);
    const result = await call(core, 'project.check', { path: damaged });
    expect(result.ok).toBe(false);
    expect(result.integrity).not.toBe('ok');
    expect(fs.readFileSync(damaged).equals(copy)).toBe(true);
  });

  it('backs up, lists what changed since, restores, and keeps the state before the restore', async () => {
    const { run, doc, codes } = await sample();
    const backup = await run('project.backup', {});
    expect(backup.kind).toBe('manual');
    expect(fs.existsSync(backup.path)).toBe(true);
    const coding = await run('codings.create', { documentId: doc.id, codeId: codes[2]!.id, start: 5, end: 25 });
    const [listed] = await run('project.backups');
    expect(listed).toMatchObject({ file: backup.file, since: { documents: 0, codes: 0, codings: 1 } });
    await run('project.restore', { backup: backup.path });
    expect((await run('codings.list', {})).some((c) => c.uuid === coding.uuid)).toBe(false);
    const kept = (await run('project.backups')).find((b) => b.kind === 'before-restore')!;
    expect(kept.since).toEqual({ documents: 0, codes: 0, codings: -1 });
    // …so restoring that one brings the coding back.
    await run('project.restore', { backup: kept.path });
    expect((await run('codings.list', {})).some((c) => c.uuid === coding.uuid)).toBe(true);
  });

  it('refuses a damaged project in the app, names its newest good backup, and restores it, keeping the damaged file', async () => {
    const { run, dir, core } = await sample();
    const good = await run('project.backup', {});
    core.close();
    const file = path.join(dir, 'study.tematik');
    const bytes = fs.readFileSync(file);
    bytes.fill(0x5a, 8192, 16384);
    fs.writeFileSync(file, bytes);
    const app = appCore(dir);
    await expect(call(app, 'project.open', { path: file })).rejects.toMatchObject({ code: 'project_damaged', params: { file: 'study.tematik', backup: good.path } });
    expect(fs.existsSync(lockPath(file))).toBe(false);
    const info = await call(app, 'project.restoreFile', { path: file, backup: good.path });
    expect(info.name).toBe('study');
    expect((await call(app, 'project.check', {})).ok).toBe(true);
    expect((await call(app, 'documents.list', {})).length).toBe(7);
    const kept = (await call(app, 'project.backups', {})).find((b) => b.kind === 'before-restore')!;
    expect(fs.readFileSync(kept.path).equals(bytes)).toBe(true);
    app.close();
  });

  it('refuses to restore a file that is not a good backup, changing nothing', async () => {
    const { run, dir, core } = await sample();
    const before = snapshotDatabase(core.project!.db);
    const junk = writeFile(dir, 'junk.tematik', 'not a database at all');
    await expect(run('project.restore', { backup: junk })).rejects.toMatchObject({ code: 'backup_invalid', params: { file: 'junk.tematik' } });
    expect(snapshotDatabase(core.project!.db)).toEqual(before);
  });

  it('keeps only the newest automatic backups, and every manual one', async () => {
    const { run, core } = await sample();
    await run('project.setBackupSettings', { everyMinutes: 5, keep: 2, folder: null });
    const { createBackup } = await import('../../electron/core/store/backups');
    await run('project.backup', {});
    for (let i = 0; i < 4; i++) await createBackup(core.project!, 'auto');
    const kinds = (await run('project.backups')).map((b) => b.kind);
    expect(kinds.filter((k) => k === 'auto')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'manual')).toHaveLength(1);
  });
});

describe('the trash', () => {
  it('keeps a deleted code and a deleted document with their codings, and puts them back by identity', async () => {
    const { run, codes } = await sample();
    const codingsBefore = (await run('codings.list', {})).map((c) => c.uuid).sort();
    const challenges = codes.find((c) => c.name === 'Challenges')!;
    await run('codes.delete', { id: challenges.id });
    const [doc] = await run('documents.list');
    await run('documents.delete', { id: doc!.id });
    const trash = await run('trash.list');
    expect(trash.map((t) => [t.kind, t.name])).toEqual([['document', doc!.name], ['code', 'Challenges']]);
    expect(trash[1]!.codes).toBe(1 + codes.filter((c) => c.parentId === challenges.id).length);

    await run('trash.restore', { id: trash[1]!.id });
    await run('trash.restore', { id: trash[0]!.id });
    expect((await run('codings.list', {})).map((c) => c.uuid).sort()).toEqual(codingsBefore);
    expect((await run('codes.list')).map((c) => c.uuid).sort()).toEqual(codes.map((c) => c.uuid).sort());
    expect(await run('trash.list')).toEqual([]);
  });

  it('no longer lists what an undo already put back, and empties on request', async () => {
    const { run, codes } = await sample();
    const { historyEntry } = await import('../../shared/history/inverse');
    const deleted = await run('codes.delete', { id: codes.find((c) => c.name === 'Competition')!.id });
    await run('history.apply', { steps: historyEntry('codes.delete', { id: 1 }, deleted)!.undo });
    expect(await run('trash.list')).toEqual([]);
    await run('codes.delete', { id: codes.find((c) => c.name === 'Inclusivity')!.id });
    expect(await run('trash.empty', {})).toEqual({ removed: 2 });
    expect(await run('trash.list')).toEqual([]);
  });
});

describe('one writer per project', () => {
  it('tells a second app who holds the project, opens it read-only on request, and takes over a stale lock', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'shared.tematik');
    const first = appCore(dir);
    await call(first, 'project.create', { path: file });
    expect(JSON.parse(fs.readFileSync(lockPath(file), 'utf8'))).toMatchObject({ pid: process.pid, app: 'browser' });

    // Another process's lock, still alive: the parent of this test runner.
    fs.writeFileSync(lockPath(file), JSON.stringify({ pid: process.ppid, host: (await import('node:os')).hostname(), user: 'ayu', app: 'electron', since: '2026-12-01T08:00:00Z' }));
    const second = appCore(dir);
    await expect(call(second, 'project.open', { path: file })).rejects.toMatchObject({ code: 'project_locked', params: { user: 'ayu', app: 'electron' } });
    const info = await call(second, 'project.open', { path: file, readOnly: true });
    expect(info.readOnly).toBe(true);
    expect((await call(second, 'documents.list', {})).length).toBe(0);
    await expect(call(second, 'codes.create', { name: 'Nope' })).rejects.toMatchObject({ code: 'read_only' });
    second.close();

    // A lock whose process is gone was left by a crash.
    fs.writeFileSync(lockPath(file), JSON.stringify({ pid: 2 ** 22 + 12345, host: (await import('node:os')).hostname(), user: 'ayu', app: 'electron', since: '2026-12-01T08:00:00Z' }));
    const third = appCore(dir);
    await call(third, 'project.open', { path: file });
    expect(JSON.parse(fs.readFileSync(lockPath(file), 'utf8')).pid).toBe(process.pid);
    third.close();
    expect(fs.existsSync(lockPath(file))).toBe(false);
    first.close();
  });

  it('recognises synced folders and network drives', () => {
    expect(riskyLocation('/Users/ayu/Dropbox/thesis/study.tematik')).toBe('Dropbox');
    expect(riskyLocation('C:\\Users\\ayu\\OneDrive - Universitas Nusa Cendana\\study.tematik')).toBe('OneDrive');
    expect(riskyLocation('/Users/ayu/Library/Mobile Documents/com~apple~CloudDocs/study.tematik')).toBe('iCloud');
    expect(riskyLocation('/Users/ayu/Library/CloudStorage/GoogleDrive-ayu@example.org/My Drive/study.tematik')).toBe('Google Drive');
    expect(riskyLocation('\\\\fileserver\\research\\study.tematik')).toBe('network');
    expect(riskyLocation('/home/ayu/thesis/study.tematik')).toBe(null);
  });
});

describe('write failures', () => {
  it('says the disk is full, names the project, and keeps the project as it was', async () => {
    const { run, core, doc, codes } = await sample();
    const before = snapshotDatabase(core.project!.db);
    const db = core.project!.db;
    // SQLite's page limit stands in for a full disk: it fails the same way (SQLITE_FULL).
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const passages = Array.from({ length: 3000 }, (_, i) => ({ documentId: doc.id, start: i % 500, end: (i % 500) + 20 }));
    await expect(run('codings.createMany', { codeId: codes[3]!.id, passages })).rejects.toMatchObject({ code: 'disk_full', params: { file: 'study.tematik' } });
    db.pragma('max_page_count = 1073741823');
    expect(snapshotDatabase(db)).toEqual(before);
  });

  it('refuses to write once the file was moved away, and says so', async () => {
    const { run, dir, core, doc, codes } = await sample();
    const file = path.join(dir, 'study.tematik');
    fs.renameSync(file, path.join(dir, 'moved.tematik'));
    await expect(run('codings.create', { documentId: doc.id, codeId: codes[2]!.id, start: 0, end: 10 })).rejects.toMatchObject({ code: 'project_moved' });
    core.close();
    const moved = new Database(path.join(dir, 'moved.tematik'), { readonly: true });
    expect(moved.pragma('integrity_check', { simple: true })).toBe('ok');
    moved.close();
  });

  it('maps a database that refuses writes to a clear message', async () => {
    const { run, core, doc, codes } = await sample();
    core.project!.db.pragma('query_only = ON');
    await expect(run('codings.create', { documentId: doc.id, codeId: codes[2]!.id, start: 0, end: 10 })).rejects.toMatchObject({ code: 'write_failed', params: { file: 'study.tematik' } });
  });
});

describe('durability', () => {
  it('puts each committed change into the project file itself, not only its WAL, within a second', async () => {
    const { run, doc, codes, dir, core } = await sample();
    const coding = await run('codings.create', { documentId: doc.id, codeId: codes[0]!.id, start: 0, end: 9 });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    // The main file alone, as a power cut would leave it if the WAL had never reached the disk.
    const alone = path.join(dir, 'main-file-only.tematik');
    fs.copyFileSync(core.project!.path, alone);
    const db = new Database(alone, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM codings WHERE uuid = ?').pluck().get(coding.uuid)).toBe(1);
    db.close();
  });
});

describe('SIGKILL at random moments', () => {
  it('leaves a project that opens, passes its checks and holds every acknowledged operation', { timeout: 120_000 }, async () => {
    const report = await torture(4, { minMs: 300, maxMs: 1500 });
    expect(report.failures).toEqual([]);
    const { documents, codes, codings } = report.acknowledged;
    expect(documents + codes + codings).toBeGreaterThan(0);
  });
});
