/**
 * Checkpoints: the WAL is copied into the project file within moments of a
 * write, by a worker rather than by the thread that writes, even while
 * writes come back to back; closing still leaves one self-contained file.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { Checkpointer } from '../../electron/core/store/checkpointer';
import { newCore } from '../helpers/tempProject';

const transcript = (n: number) => Array.from({ length: 200 }, (_, t) => `${t % 2 ? 'Informan' : 'Pewawancara'}: giliran ${t} wawancara ${n} tentang pendapatan ojek daring.`).join('\n');
const uploads = (count: number) => Array.from({ length: count }, (_, i) => ({ fileName: `t${i}.txt`, bytes: Buffer.from(transcript(i)) }));

async function until(condition: () => boolean, ms = 5_000): Promise<void> {
  const end = performance.now() + ms;
  while (!condition()) {
    if (performance.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function newProject() {
  const env = newCore();
  const file = path.join(env.dir, 'p.tematik');
  await env.run('project.create', { path: file });
  return { ...env, file, project: env.core.project!, size: () => fs.statSync(file).size };
}

describe('checkpoints', () => {
  it('copy the WAL into the project file soon after a write, and not on the thread that writes', async () => {
    const { run, core, project, size } = await newProject();
    const pragma = vi.spyOn(project.db, 'pragma');
    const before = size();
    await run('documents.importUploads', { files: uploads(20) });
    await until(() => size() > before);
    expect(pragma.mock.calls.filter(([sql]) => String(sql).startsWith('wal_checkpoint'))).toEqual([]);
    core.close();
  });

  it('keep up while writes come one after another with no pause for the timer', async () => {
    const { core, project, size } = await newProject();
    const insert = project.db.prepare("INSERT INTO memos(uuid, body, created_at, updated_at) VALUES (?, 'catatan', '', '')");
    const before = size();
    // Synchronous, a write a millisecond for a second: no timer can fire, and the WAL stays far below the
    // thousands of pages at which SQLite checkpoints by itself. Only a checkpoint asked for by the writes grows the file.
    for (let n = 0; n < 1_000 && size() === before; n++) {
      const next = performance.now() + 1;
      while (performance.now() < next);
      insert.run(`m${n}`);
      project.wrote();
    }
    expect(size()).toBeGreaterThan(before);
    core.close();
  });

  it('are asked for as soon as an import has written megabytes, and not for a few small files', async () => {
    const { run, core, project } = await newProject();
    const flush = vi.spyOn(project as unknown as { flush(): void }, 'flush');
    await run('documents.importUploads', { files: uploads(3) });
    // The timer set by the write has not fired yet: nothing asked for a checkpoint, no worker started.
    expect(flush).not.toHaveBeenCalled();
    await until(() => flush.mock.calls.length > 0);
    flush.mockClear();
    const large = Array.from({ length: 5 }, (_, i) => ({ fileName: `large${i}.txt`, bytes: Buffer.from(Array.from({ length: 90 }, () => transcript(100 + i)).join('\n')) }));
    await run('documents.importUploads', { files: large });
    // About 5 MB of text in one commit: asked for during the import, before its own timer could fire.
    expect(flush).toHaveBeenCalledTimes(1);
    core.close();
  });

  it('close before the project does, which leaves one file holding every change', async () => {
    const { run, core, file, size } = await newProject();
    const before = size();
    await run('documents.importUploads', { files: uploads(5) });
    await until(() => size() > before);
    const [doc] = await run('documents.list');
    const code = await run('codes.create', { name: 'pendapatan' });
    await run('codings.create', { documentId: doc!.id, codeId: code.id, start: 0, end: 10 });
    core.close();
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(5);
    expect(db.prepare('SELECT count(*) FROM codings').pluck().get()).toBe(1);
    db.close();
  });

  it('go back to the writing thread when the worker cannot open the project', async () => {
    const { dir } = newCore();
    let here = 0;
    const checkpointer = new Checkpointer(path.join(dir, 'missing.tematik'), undefined, () => here++);
    await until(() => {
      checkpointer.request();
      return here > 0;
    });
    const started = performance.now();
    checkpointer.close();
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
