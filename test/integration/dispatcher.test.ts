import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { call, createDispatcher } from '../../electron/core/dispatcher';
import { newCore, writeFile } from '../helpers/tempProject';

const interview = '\ufeffPewawancara: Bagaimana penghasilan Anda?\r\nRina: Naik turun 😅, tidak ada BPJS.\r\n';

async function projectWithInterview() {
  const env = newCore();
  const file = path.join(env.dir, 'study.tematik');
  await env.run('project.create', { path: file });
  const [outcome] = await env.run('documents.importFiles', { paths: [writeFile(env.dir, 'Rina.txt', interview)] });
  expect(outcome).toMatchObject({ status: 'imported', document: 'Rina' });
  const [doc] = await env.run('documents.list');
  return { ...env, file, doc: doc! };
}

describe('the dispatcher on a real project file', () => {
  it('imports, codes, queries, exports, closes and reopens with nothing lost', async () => {
    const { run, file, doc, core } = await projectWithInterview();
    const stored = await run('documents.get', { id: doc.id });
    expect(stored.text).toBe('Pewawancara: Bagaimana penghasilan Anda?\nRina: Naik turun 😅, tidak ada BPJS.\n');
    expect(stored.length).toBe(77);

    const challenges = await run('codes.create', { name: 'Challenges' });
    const income = await run('codes.create', { name: 'Income uncertainty', parentId: challenges.id, inclusion: 'irregular pay' });
    const welfare = await run('codes.create', { name: 'Welfare', parentId: challenges.id });
    await run('coder.set', { name: 'Ana' });
    await run('codings.create', { documentId: doc.id, codeId: income.id, start: 47, end: 66, memo: 'ups and downs' });
    await run('codings.create', { documentId: doc.id, codeId: welfare.id, start: 59, end: 76 });

    expect(await run('analysis.cooccurrence')).toMatchObject([{ a: 'Income uncertainty', b: 'Welfare', count: 1, rule: 'overlap' }]);
    // The document view's slim codings carry the same codings as the full list.
    const full = await run('codings.list', { documentId: doc.id });
    expect(await run('codings.spans', { documentId: doc.id })).toEqual(full.map(({ id, codeId, start, end, coder, memo, keyQuote }) => ({ id, codeId, start, end, coder, memo, keyQuote })));
    const rows = await run('codings.rows', {});
    expect(rows.map((r) => [r.code, r.text, r.coder])).toEqual([
      ['Income uncertainty', 'Naik turun 😅, tidak', 'Ana'],
      ['Welfare', ', tidak ada BPJS.', 'Ana'],
    ]);

    const { csv } = await run('export.codingsCsv');
    const parsed = Papa.parse<Record<string, string>>(Buffer.from(csv).toString('utf8'), { header: true });
    expect(parsed.data.map((r) => [r.document, r.code, r.start, r.end, r.text, r.coder, r.memo])).toEqual([
      ['Rina', 'Income uncertainty', '47', '66', 'Naik turun 😅, tidak', 'Ana', 'ups and downs'],
      ['Rina', 'Welfare', '59', '76', ', tidak ada BPJS.', 'Ana', ''],
    ]);

    await run('project.close');
    expect(fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0).toBe(0);
    await run('project.open', { path: file });
    expect((await run('codings.rows', {})).map((r) => r.text)).toEqual(rows.map((r) => r.text));
    expect((await run('codes.list')).find((c) => c.id === income.id)).toMatchObject({ inclusion: 'irregular pay', parentId: challenges.id, codingCount: 1 });
    expect((await run('app.info')).project?.currentCoder).toBe('Ana');
    core.close();
  });

  it('stores the project as WAL with foreign keys and a Tematik application id', async () => {
    const { file, core } = await projectWithInterview();
    const db = core.project!.db;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    core.close();
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('application_id', { simple: true })).toBe(0x54454d41);
    raw.close();
  });

  it('refuses a coding past the end of the document and changes nothing', async () => {
    const { run, doc, core } = await projectWithInterview();
    const code = await run('codes.create', { name: 'Stigma' });
    await expect(run('codings.create', { documentId: doc.id, codeId: code.id, start: 10, end: 78 })).rejects.toMatchObject({ code: 'range_invalid' });
    expect(await run('codings.list', {})).toEqual([]);
    core.close();
  });

  it('rolls back the whole operation when a write fails half-way', async () => {
    const { run, core } = await projectWithInterview();
    const parent = await run('codes.create', { name: 'A' });
    const child = await run('codes.create', { name: 'B', parentId: parent.id });
    await expect(run('codes.update', { id: parent.id, parentId: child.id })).rejects.toMatchObject({ code: 'code_cycle' });
    await expect(run('codes.create', { name: 'b', parentId: parent.id })).rejects.toMatchObject({ code: 'name_taken' });
    expect((await run('codes.list')).map((c) => [c.name, c.parentId])).toEqual([
      ['A', null],
      ['B', parent.id],
    ]);
    core.close();
  });

  it('deletes a code with its sub-codes and codings, reporting what went', async () => {
    const { run, doc, core } = await projectWithInterview();
    const parent = await run('codes.create', { name: 'Challenges' });
    const child = await run('codes.create', { name: 'Welfare', parentId: parent.id });
    await run('codings.create', { documentId: doc.id, codeId: child.id, start: 0, end: 5 });
    await run('codings.create', { documentId: doc.id, codeId: parent.id, start: 3, end: 9 });
    expect(await run('codes.usage', { id: parent.id })).toEqual({ codings: 2, documents: 1, children: 1 });
    expect(await run('codes.delete', { id: parent.id })).toMatchObject({ deletedCodings: 2, deletedCodes: 2 });
    expect(await run('codes.list')).toEqual([]);
    expect(await run('codings.list', {})).toEqual([]);
    core.close();
  });

  it('skips a file already imported and reports a bad file without stopping the batch', async () => {
    const { run, dir, core } = await projectWithInterview();
    const outcomes = await run('documents.importFiles', {
      paths: [writeFile(dir, 'again.txt', interview), writeFile(dir, 'binary.txt', new Uint8Array([0, 1, 2, 3])), writeFile(dir, 'Kevin.md', 'Interviewer: Hi\nKevin: Hello')],
    });
    expect(outcomes.map((o) => o.status)).toEqual(['duplicate', 'failed', 'imported']);
    expect(outcomes[1]).toMatchObject({ error: { code: 'not_text' } });
    expect((outcomes[1] as { error: { message: string } }).error.message).toContain('binary.txt');
    expect((await run('documents.list')).map((d) => d.name)).toEqual(['Kevin', 'Rina']);
    core.close();
  });

  it('answers through the envelope: validation errors, unknown operations, no project', async () => {
    const { core } = newCore();
    const dispatch = createDispatcher(core);
    expect(await dispatch('codes.list', {})).toMatchObject({ ok: false, error: { code: 'no_project' } });
    expect(await dispatch('nope', {})).toMatchObject({ ok: false, error: { code: 'unknown_op' } });
    expect(await dispatch('codes.create', { name: 42 })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await dispatch('app.info', {})).toEqual({ ok: true, result: { shell: 'cli', project: null } });
  });

  it('finds documents by full-text search through the stemmed FTS5 index', async () => {
    const { core } = await projectWithInterview();
    const hits = await call(core, 'search.text', { terms: 'bpjs' });
    expect(new Set(hits.map((h) => h.documentId)).size).toBe(1);
    core.close();
  });
});

describe('merging codes', () => {
  it('moves codings, collapses duplicates of the same range and coder, re-parents sub-codes', async () => {
    const { run, core } = await projectWithInterview();
    const [doc] = await run('documents.list');
    const income = await run('codes.create', { name: 'Income' });
    const money = await run('codes.create', { name: 'Money' });
    const child = await run('codes.create', { name: 'Late pay', parentId: money.id });
    await run('codings.create', { documentId: doc!.id, codeId: income.id, start: 0, end: 10, coder: 'Ana' });
    await run('codings.create', { documentId: doc!.id, codeId: money.id, start: 0, end: 10, coder: 'Ana' });
    await run('codings.create', { documentId: doc!.id, codeId: money.id, start: 0, end: 10, coder: 'Budi' });
    await run('codings.create', { documentId: doc!.id, codeId: money.id, start: 20, end: 30, coder: 'Ana' });

    expect(await run('codes.merge', { sourceId: money.id, targetId: income.id })).toMatchObject({ moved: 2, collapsed: 1, target: { name: 'Income', codingCount: 3 } });
    const codes = await run('codes.list');
    expect(codes.map((c) => [c.name, c.parentId])).toEqual([
      ['Income', null],
      ['Late pay', income.id],
    ]);
    expect((await run('codings.rows', {})).map((r) => [r.code, r.start, r.coder])).toEqual([
      ['Income', 0, 'Ana'],
      ['Income', 0, 'Budi'],
      ['Income', 20, 'Ana'],
    ]);
    await expect(run('codes.merge', { sourceId: income.id, targetId: child.id })).rejects.toMatchObject({ code: 'code_cycle' });
    expect(codes).toEqual(await run('codes.list'));
    core.close();
  });
});
