/**
 * Blind parallel coding on real project files: a package goes out without
 * codings, a second coder codes it in their own project, and merging it back
 * adds exactly their codings, with their coder, once — however often it is
 * merged. Bad files change nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { snapshotDatabase } from '../helpers/snapshot';
import { newCore, repoRoot, tempDir, writeFile } from '../helpers/tempProject';

async function sampleStudy() {
  const env = newCore();
  await env.run('project.openSample', { path: path.join(env.dir, 'main.tematik'), lang: 'en' });
  return env;
}

const codingsOf = (core: Core) =>
  core.project!.db
    .prepare(`SELECT d.name AS document, c.name AS code, k.start, k."end", u.name AS coder, k.uuid FROM codings k JOIN documents d ON d.id = k.document_id JOIN codes c ON c.id = k.code_id JOIN coders u ON u.id = k.coder_id ORDER BY k.uuid`)
    .all() as { document: string; code: string; start: number; end: number; coder: string; uuid: string }[];

describe('coding packages and merging', () => {
  it('packages chosen documents without codings, and merging the coded package back adds only the second coder’s codings, once', async () => {
    const main = await sampleStudy();
    const documents = await main.run('documents.list');
    const chosen = documents.slice(0, 2);
    const out = path.join(main.dir, 'for-budi.tematik');
    const packaged = await main.run('team.package', { out, documentIds: chosen.map((d) => d.id), withoutCodings: true });
    expect(packaged).toMatchObject({ documents: 2, codings: 0, base64: null });

    // Budi codes the package in his own Tematik.
    const budi = newCore(tempDir());
    await budi.run('project.open', { path: out });
    expect((await budi.run('documents.list')).map((d) => d.name)).toEqual(chosen.map((d) => d.name));
    expect(await budi.run('codings.list', {})).toEqual([]);
    const codes = await budi.run('codes.list');
    expect(codes.length).toBe((await main.run('codes.list')).length);
    const [first, second] = await budi.run('documents.list');
    await budi.run('coder.set', { name: 'Budi' });
    await budi.run('codings.create', { documentId: first!.id, codeId: codes[0]!.id, start: 10, end: 80 });
    await budi.run('codings.create', { documentId: second!.id, codeId: codes[1]!.id, start: 0, end: 30, memo: 'unsure' });
    // A code Budi adds comes back too.
    const added = await budi.run('codes.create', { name: 'Family support' });
    await budi.run('codings.create', { documentId: second!.id, codeId: added.id, start: 40, end: 90 });
    const budiCodings = codingsOf(budi.core);
    budi.core.close();

    const before = codingsOf(main.core);
    const summary = await main.run('team.merge', { path: out });
    expect(summary.added).toEqual({ documents: 0, codes: 1, codings: 3, cases: 0, coders: ['Budi'] });
    expect(summary.matched.documents).toBe(2);
    expect(summary.conflicts).toEqual([]);
    const after = codingsOf(main.core);
    expect(after.length).toBe(before.length + 3);
    expect(after.filter((k) => k.coder === 'Budi')).toEqual(budiCodings);

    const again = await main.run('team.merge', { path: out });
    expect(again.added).toEqual({ documents: 0, codes: 0, codings: 0, cases: 0, coders: [] });
    expect(again.matched.codings).toBe(3);
    expect(codingsOf(main.core)).toEqual(after);

    // The two coders can now be compared on what they both coded.
    const report = await main.run('analysis.agreement', { coders: ['Budi', 'Peneliti'], unit: 'sentence' });
    expect(report.documents.map((d) => d.document).sort()).toEqual(chosen.map((d) => d.name).sort());
  });

  it('brings new documents with their turns, cases and attributes into a project that lacks them', async () => {
    const main = await sampleStudy();
    const out = path.join(main.dir, 'full.tematik');
    await main.run('team.package', { out });
    const empty = newCore(tempDir());
    await empty.run('project.create', { path: path.join(empty.dir, 'empty.tematik') });
    const summary = await empty.run('team.merge', { path: out });
    const original = await main.run('documents.list');
    expect(summary.added.documents).toBe(original.length);
    expect(summary.added.codings).toBe((await main.run('codings.list', {})).length);
    const strip = (cases: { name: string; attributes: Record<string, string> }[]) => cases.map((c) => ({ name: c.name, attributes: c.attributes })).sort((a, b) => a.name.localeCompare(b.name));
    expect(strip(await empty.run('cases.list'))).toEqual(strip(await main.run('cases.list')));
    const turns = async (env: typeof main, name: string) => {
      const doc = (await env.run('documents.list')).find((d) => d.name === name)!;
      return (await env.run('documents.turns', { documentId: doc.id })).map((t) => ({ speaker: t.speaker, start: t.start, end: t.end }));
    };
    expect(await turns(empty, original[0]!.name)).toEqual(await turns(main, original[0]!.name));
    const text = (env: typeof main) => env.core.project!.db.prepare('SELECT group_concat(text, char(0)) AS t FROM (SELECT text FROM documents ORDER BY name)').get();
    expect(text(empty)).toEqual(text(main));
  });

  it('keeps our code when the other side renamed it, and says so', async () => {
    const main = await sampleStudy();
    const out = path.join(main.dir, 'p.tematik');
    await main.run('team.package', { out });
    const other = newCore(tempDir());
    await other.run('project.open', { path: out });
    const code = (await other.run('codes.list')).find((c) => c.name === 'Competition')!;
    await other.run('codes.update', { id: code.id, name: 'Persaingan' });
    other.core.close();
    const summary = await main.run('team.merge', { path: out });
    expect(summary.conflicts).toEqual([{ kind: 'code', name: 'Competition', reason: 'renamed', ours: 'Competition', theirs: 'Persaingan' }]);
    expect((await main.run('codes.list')).some((c) => c.name === 'Persaingan')).toBe(false);
  });

  it('merges a project from an older Tematik without changing that file', async () => {
    const env = newCore();
    await env.run('project.create', { path: path.join(env.dir, 'new.tematik') });
    const old = path.join(env.dir, 'old.tematik');
    fs.copyFileSync(path.join(repoRoot, 'test', 'fixtures', 'schema-v1.tematik'), old);
    const bytes = fs.readFileSync(old);
    const summary = await env.run('team.merge', { path: old });
    expect(summary.added.documents).toBeGreaterThan(0);
    expect(fs.readFileSync(old).equals(bytes)).toBe(true);
  });

  it('refuses a file that is not a project, and a package over an existing file, changing nothing', async () => {
    const main = await sampleStudy();
    const before = snapshotDatabase(main.core.project!.db);
    const text = writeFile(main.dir, 'notes.tematik', 'just some notes');
    await expect(main.run('team.merge', { path: text })).rejects.toMatchObject({ code: 'not_a_project', params: { file: 'notes.tematik' } });
    await expect(main.run('team.merge', { path: path.join(main.dir, 'missing.tematik') })).rejects.toMatchObject({ code: 'file_missing' });
    await expect(main.run('team.package', { out: text })).rejects.toMatchObject({ code: 'file_exists' });
    expect(fs.readFileSync(text, 'utf8')).toBe('just some notes');
    expect(snapshotDatabase(main.core.project!.db)).toEqual(before);
    expect(fs.readdirSync(main.dir).filter((f) => f.includes('partial'))).toEqual([]);
  });

  it('returns the package for a download when no file is named', async () => {
    const main = await sampleStudy();
    const result = await main.run('team.package', { withoutCodings: true });
    const bytes = Buffer.from(result.base64!, 'base64');
    expect(bytes.subarray(0, 15).toString()).toBe('SQLite format 3');
    const other = newCore();
    const file = writeFile(other.dir, result.fileName, bytes);
    await other.run('project.open', { path: file });
    expect((await other.run('documents.list')).length).toBe(result.documents);
  });
});

describe('resolving disagreements into consensus', () => {
  it('lists where two coders differ, accepts one version into the consensus coder, notes the discussion, and undoes both', async () => {
    const env = newCore();
    await env.run('project.create', { path: path.join(env.dir, 'c.tematik') });
    const file = writeFile(env.dir, 'rina.txt', 'Rina: Pendapatan tidak pasti. Kadang sepi sekali.\nPewawancara: Lalu?\nRina: Saya jualan kue juga.\n');
    await env.run('documents.importFiles', { paths: [file] });
    const [doc] = await env.run('documents.list');
    const code = await env.run('codes.create', { name: 'Income' });
    await env.run('codings.create', { documentId: doc!.id, codeId: code.id, start: 6, end: 30, coder: 'Ayu' });
    await env.run('codings.create', { documentId: doc!.id, codeId: code.id, start: 6, end: 49, coder: 'Budi' });
    await env.run('codings.create', { documentId: doc!.id, codeId: code.id, start: 73, end: 97, coder: 'Ayu' });
    await env.run('codings.create', { documentId: doc!.id, codeId: code.id, start: 73, end: 97, coder: 'Budi' });

    const { total, passages } = await env.run('analysis.disagreements', { coders: ['Ayu', 'Budi'] });
    expect(total).toBe(1);
    expect(passages[0]).toMatchObject({ document: 'rina', code: 'Income', start: 6, end: 49, text: 'Pendapatan tidak pasti. Kadang sepi sekali.'.slice(0, 44), discussed: false });

    const { historyEntry } = await import('../../shared/history/inverse');
    const input = { documentId: doc!.id, codeId: code.id, start: 6, end: 49, from: 'Budi' };
    const accepted = await env.run('agreement.accept', input);
    expect(accepted.codings.map((c) => [c.coder, c.start, c.end])).toEqual([['consensus', 6, 49]]);
    // Accepting the other version replaces the consensus there.
    const other = await env.run('agreement.accept', { ...input, from: 'Ayu' });
    expect(other.removed.map((c) => c.id)).toEqual(accepted.codings.map((c) => c.id));
    const consensus = async () => (await env.run('codings.list', {})).filter((c) => c.coder === 'consensus').map((c) => [c.start, c.end]);
    expect(await consensus()).toEqual([[6, 30]]);
    const undo = historyEntry('agreement.accept', { ...input, from: 'Ayu', into: 'consensus' }, other)!;
    await env.run('history.apply', { steps: undo.undo });
    expect(await consensus()).toEqual([[6, 49]]);

    const noted = await env.run('agreement.note', { documentId: doc!.id, codeId: code.id, start: 6, end: 49, discussed: true, memo: 'Budi reads the whole turn as income talk' });
    expect((await env.run('analysis.disagreements', { coders: ['Ayu', 'Budi'] })).passages[0]).toMatchObject({ discussed: true, memo: 'Budi reads the whole turn as income talk' });
    await env.run('history.apply', { steps: historyEntry('agreement.note', { documentId: doc!.id, codeId: code.id, start: 6, end: 49, discussed: true, memo: 'x' }, noted)!.undo });
    expect((await env.run('analysis.disagreements', { coders: ['Ayu', 'Budi'] })).passages[0]).toMatchObject({ discussed: false, memo: '' });

    // The comparison can be re-run on the consensus.
    const report = await env.run('analysis.agreement', { coders: ['Budi', 'consensus'], unit: 'character' });
    expect(report.pooled.both).toBe(43);
  });
});
