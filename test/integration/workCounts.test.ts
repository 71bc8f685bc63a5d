/**
 * Regression guards that count work instead of timing it: coding a passage
 * costs the same number of statements and about the same pages written
 * whether the project holds ten codings or twenty thousand; so does
 * importing a transcript, whatever the project holds, and deleting one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type Database from 'better-sqlite3';
import type { Project } from '../../electron/core/project';
import { newCore, writeFile } from '../helpers/tempProject';

/**
 * The WAL emptied, and no checkpoint asked of the project's worker until the
 * returned function is called: the file then grows by exactly the pages the
 * measured writes add (a checkpoint would let a later commit start the WAL
 * over, writing its pages where earlier ones were).
 */
function walFromEmpty(project: Project): { bytes(): number; restore(): void } {
  const flush = vi.spyOn(project as unknown as { flush(): void }, 'flush').mockImplementation(() => {});
  // Waits for a checkpoint the worker may still be running.
  project.db.pragma('wal_checkpoint(TRUNCATE)');
  return {
    bytes: () => fs.statSync(`${project.path}-wal`).size,
    restore: () => flush.mockRestore(),
  };
}

async function projectWith(codings: number) {
  const env = newCore();
  const file = path.join(env.dir, 'p.tematik');
  await env.run('project.create', { path: file });
  const words = 'saya kerja ojek daring pendapatan tidak pasti keluarga'.split(' ');
  for (let d = 0; d < 20; d++) {
    const text = Array.from({ length: 200 }, (_, t) => `${t % 2 ? 'Informan' : 'Pewawancara'}: ${Array.from({ length: 20 }, (_, w) => words[(d + t + w) % words.length]).join(' ')}.`).join('\n');
    writeFile(env.dir, `d${d}.txt`, text);
  }
  await env.run('documents.importFiles', { paths: [env.dir] });
  const documents = await env.run('documents.list');
  const codes: number[] = [];
  for (let c = 0; c < 10; c++) codes.push((await env.run('codes.create', { name: `Code ${c}` })).id);
  for (const [i, codeId] of codes.entries()) {
    const passages = Array.from({ length: Math.ceil(codings / codes.length) }, (_, k) => ({ documentId: documents[(i + k) % documents.length]!.id, start: (k * 7) % 5000, end: ((k * 7) % 5000) + 40 }));
    await env.run('codings.createMany', { codeId, passages });
  }
  const project = env.core.project!;
  // No checkpoint by the writer in the middle of a measurement: the WAL grows by exactly what a commit writes.
  project.db.pragma('wal_autocheckpoint = 0');
  const measure = async () => {
    const statements = project.statementsUsed;
    const changes = (project.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    const wal = walFromEmpty(project);
    const bytes = wal.bytes();
    await env.run('codings.create', { documentId: documents[3]!.id, codeId: codes[4]!, start: 120, end: 180 });
    const pages = (wal.bytes() - bytes) / (project.db.pragma('page_size', { simple: true }) as number + 24);
    wal.restore();
    return {
      statements: project.statementsUsed - statements,
      rows: (project.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n - changes,
      pages,
    };
  };
  await measure();
  return { env, measure };
}

describe('work per coding', () => {
  it('is the same in a project with ten codings and in one with twenty thousand', { timeout: 60_000 }, async () => {
    const small = await projectWith(10);
    const large = await projectWith(20_000);
    const a = await small.measure();
    const b = await large.measure();
    expect(b.statements).toBe(a.statements);
    expect(b.rows).toBe(a.rows);
    // Deeper B-trees can touch an interior page more; nothing grows with the number of codings.
    expect(b.pages).toBeLessThanOrEqual(a.pages + 2);
    expect(a.rows).toBe(2);
  });
});

describe('work per imported transcript', () => {
  const transcript = (n: number) =>
    Array.from({ length: 40 }, (_, t) => `${t % 2 ? `Informan ${n}` : `Pewawancara ${n}`}: wawancara ${n} giliran ${t} tentang pendapatan ojek daring dan keluarga.`).join('\n');
  const uploads = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ fileName: `t${from + i}.txt`, bytes: Buffer.from(transcript(from + i)) }));

  async function importing(existing: number, perCall: number) {
    const env = newCore();
    const file = path.join(env.dir, 'p.tematik');
    await env.run('project.create', { path: file });
    for (let at = 0; at < existing; at += 32) await env.run('documents.importUploads', { files: uploads(at, Math.min(32, existing - at)) });
    const project = env.core.project!;
    project.db.pragma('wal_autocheckpoint = 0');
    const frame = (project.db.pragma('page_size', { simple: true }) as number) + 24;
    const statements = project.statementsUsed;
    const wal = walFromEmpty(project);
    const bytes = wal.bytes();
    const files = uploads(10_000, 32);
    for (let at = 0; at < files.length; at += perCall) await env.run('documents.importUploads', { files: files.slice(at, at + perCall) });
    const result = { statements: project.statementsUsed - statements, pages: (wal.bytes() - bytes) / frame };
    wal.restore();
    env.core.close();
    return result;
  }

  it('is the same in an empty project and in one with 300 transcripts', { timeout: 60_000 }, async () => {
    const empty = await importing(0, 32);
    const full = await importing(300, 32);
    expect(full.statements).toBe(empty.statements);
    // The content-hash index takes each new text at a random place, so a larger project touches more of its pages; still a few pages a file.
    expect(empty.pages / 32).toBeLessThan(4);
    expect(full.pages / 32).toBeLessThan(4);
  });

  it('writes far fewer pages when the files of one upload share a commit', { timeout: 60_000 }, async () => {
    const oneByOne = await importing(0, 1);
    const together = await importing(0, 32);
    // Each commit rewrites the pages its files share (the last page of each table and index); together they are written once.
    expect(together.pages).toBeLessThan(oneByOne.pages / 4);
  });
});

/** Counts the rows of documents and codings (what grows with a project) that the project's statements hand to JavaScript from now on. */
function countRowsRead(project: Project): () => number {
  let rows = 0;
  const stmt = project.stmt.bind(project);
  const counted = (statement: Database.Statement) =>
    new Proxy(statement, {
      get(target, key) {
        const value: unknown = Reflect.get(target, key);
        if (typeof value !== 'function') return value;
        const method = value as (...args: unknown[]) => unknown;
        if (key === 'all') {
          return (...args: unknown[]) => {
            const found = method.apply(target, args) as unknown[];
            rows += found.length;
            return found;
          };
        }
        if (key === 'get') {
          return (...args: unknown[]) => {
            const found = method.apply(target, args);
            if (found !== undefined) rows++;
            return found;
          };
        }
        return method.bind(target);
      },
    });
  project.stmt = (sql: string) => (/\bFROM (documents|codings)\b/.test(sql) ? counted(stmt(sql)) : stmt(sql));
  return () => rows;
}

describe('work per deleted document', () => {
  async function deleting(documents: number) {
    const env = newCore();
    await env.run('project.create', { path: path.join(env.dir, 'p.tematik') });
    const files = Array.from({ length: documents }, (_, d) => ({
      fileName: `t${d}.txt`,
      bytes: Buffer.from(Array.from({ length: 20 }, (_, t) => `${t % 2 ? `Informan ${d}` : 'Pewawancara'}: giliran ${t} tentang pendapatan ojek ${d}.`).join('\n')),
    }));
    for (let at = 0; at < files.length; at += 32) await env.run('documents.importUploads', { files: files.slice(at, at + 32) });
    const code = await env.run('codes.create', { name: 'Pendapatan' });
    for (const doc of await env.run('documents.list')) await env.run('codings.createMany', { codeId: code.id, passages: [0, 100, 200].map((start) => ({ documentId: doc.id, start, end: start + 30 })) });
    const victim = (await env.run('documents.list')).find((d) => d.name === 't1')!;
    const rowsRead = countRowsRead(env.core.project!);
    await env.run('documents.delete', { id: victim.id });
    const read = rowsRead();
    // What went to the trash is that one document, whole.
    const [item] = await env.run('trash.list');
    expect(item).toMatchObject({ documents: 1, codings: 3 });
    env.core.close();
    return read;
  }

  it('reads the same rows in a project of 4 documents and in one of 40: the one deleted, never every text', { timeout: 60_000 }, async () => {
    const small = await deleting(4);
    const large = await deleting(40);
    expect(large).toBe(small);
  });
});
