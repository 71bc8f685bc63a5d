import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract, type OpName } from '../../shared/api/contract';
import { historyEntry } from '../../shared/history/inverse';
import type { Core } from '../../electron/core/core';
import { snapshotDatabase } from '../helpers/snapshot';
import { newCore } from '../helpers/tempProject';

/** The project's content; coders are left out, since a coder once named stays named. */
function content(core: Core) {
  const { coders: _coders, ...rest } = snapshotDatabase(core.project!.db);
  return rest;
}

async function sample() {
  const env = newCore();
  await env.run('project.openSample', { path: path.join(env.dir, 'sample.tematik'), lang: 'en' });
  const codes = await env.run('codes.list');
  const code = (name: string) => codes.find((c) => c.name === name)!;
  const [doc] = await env.run('documents.list');
  return { ...env, code, doc: doc! };
}

describe('undo and redo through the contract’s own operations', () => {
  const cases: [string, (s: Awaited<ReturnType<typeof sample>>) => Promise<[OpName, unknown]>][] = [
    ['codings.create', async ({ code, doc }) => ['codings.create', { documentId: doc.id, codeId: code('Stigma and social perception').id, start: 10, end: 40 }]],
    ['codings.delete', async ({ run }) => ['codings.delete', { id: (await run('codings.list', {}))[3]!.id }]],
    ['codings.createMany', async ({ code, doc }) => ['codings.createMany', { codeId: code('Networking').id, passages: [{ documentId: doc.id, start: 0, end: 5 }, { documentId: doc.id, start: 50, end: 60 }] }]],
    ['codings.inVivo', async ({ doc }) => ['codings.inVivo', { documentId: doc.id, start: 0, end: 9 }]],
    ['codes.create', async ({ code }) => ['codes.create', { name: 'Burnout', parentId: code('Challenges').id, inclusion: 'exhaustion' }]],
    ['codes.update', async ({ code }) => ['codes.update', { id: code('Competition').id, name: 'Market competition', color: '#123456', exclusion: 'none', memo: 'Drivers compare themselves with Grab' }]],
    ['codes.delete (a branch with codings)', async ({ code }) => ['codes.delete', { id: code('Challenges').id }]],
    ['codes.merge', async ({ code }) => ['codes.merge', { sourceId: code('Competition').id, targetId: code('Income uncertainty').id }]],
    ['codes.merge (with sub-codes)', async ({ code }) => ['codes.merge', { sourceId: code('Strategies').id, targetId: code('Challenges').id }]],
    ['codings.update (code, range and memo)', async ({ code, run }) => {
      const coding = (await run('codings.list', {}))[5]!;
      return ['codings.update', { id: coding.id, codeId: code('No welfare protection').id, start: coding.start + 2, end: coding.end + 5, memo: 'check with the team' }];
    }],
    ['codings.update (key quote)', async ({ run }) => ['codings.update', { id: (await run('codings.list', {}))[2]!.id, keyQuote: true }]],
    ['codings.delete (a key quote)', async ({ run }) => {
      const coding = (await run('codings.list', {}))[4]!;
      await run('codings.update', { id: coding.id, keyQuote: true });
      return ['codings.delete', { id: coding.id }];
    }],
    ['codes.merge (a key-quoted duplicate hands its mark to the coding it collapses into)', async ({ run, code, doc }) => {
      const marked = await run('codings.create', { documentId: doc.id, codeId: code('Competition').id, start: 100, end: 160 });
      await run('codings.create', { documentId: doc.id, codeId: code('Income uncertainty').id, start: 100, end: 160 });
      await run('codings.update', { id: marked.id, keyQuote: true });
      return ['codes.merge', { sourceId: code('Competition').id, targetId: code('Income uncertainty').id }];
    }],
    ['codes.reparent', async ({ code }) => ['codes.reparent', { ids: [code('Competition').id, code('Inclusivity').id], parentId: code('Strategies').id }]],
    ['codebook.addStarter (adds new codes and updates existing ones)', async () => ['codebook.addStarter', { lang: 'id' }]],
    ['codebook.import (a child of an existing code, and new guidance)', async () => [
      'codebook.import',
      { fileName: 'team.csv', content: 'path,color,description\nChallenges/Burnout,#123456,Exhaustion from long hours\nCompetition,#654321,Rivalry between drivers\n' },
    ]],
    ['codes.split', async ({ code }) => ['codes.split', { id: code('Competition').id, name: 'Competition among drivers' }]],
    ['analysis.saveQueryAsCode', async () => ['analysis.saveQueryAsCode', { expression: '"Income uncertainty" OR Inclusivity', name: 'Precarity' }]],
  ];

  for (const [label, make] of cases) {
    it(`restores the project exactly: ${label}`, async () => {
      const s = await sample();
      const [op, input] = await make(s);
      const before = content(s.core);
      const result = await s.run(op, input);
      const after = content(s.core);
      expect(after).not.toEqual(before);
      const entry = historyEntry(op, contract[op].input.parse(input) as never, result as never)!;
      expect(entry).not.toBeNull();

      await s.run('history.apply', { steps: entry.undo });
      expect(content(s.core)).toEqual(before);
      await s.run('history.apply', { steps: entry.redo });
      expect(content(s.core)).toEqual(after);
      await s.run('history.apply', { steps: entry.undo });
      expect(content(s.core)).toEqual(before);
      expect(s.core.project!.db.pragma('foreign_key_check')).toEqual([]);
      s.core.close();
    });
  }

  it('refuses steps that are not codebook or coding operations, and applies nothing of a failing step', async () => {
    const { run, core, code } = await sample();
    const before = content(core);
    await expect(run('history.apply', { steps: [{ op: 'project.close', input: {} }] })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      run('history.apply', { steps: [{ op: 'codes.delete', input: { id: code('Networking').id } }, { op: 'codes.delete', input: { id: 999_999 } }] }),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(content(core)).toEqual(before);
    core.close();
  });

  it('undoes a document memo back to what it was, and keeps one memo per document', async () => {
    const { run, core, doc } = await sample();
    const first = await run('documents.setMemo', { id: doc.id, memo: 'Talks about night shifts' });
    expect(first.previous).toBe('');
    const second = await run('documents.setMemo', { id: doc.id, memo: 'Night shifts; compare with R03' });
    const entry = historyEntry('documents.setMemo', { id: doc.id, memo: 'Night shifts; compare with R03' }, second)!;
    await run('history.apply', { steps: entry.undo });
    expect((await run('documents.get', { id: doc.id })).memo).toBe('Talks about night shifts');
    await run('history.apply', { steps: entry.redo });
    expect((await run('documents.get', { id: doc.id })).memo).toBe('Night shifts; compare with R03');
    expect(core.project!.db.prepare('SELECT count(*) AS n FROM memos WHERE document_id = ?').get(doc.id)).toEqual({ n: 1 });
    await expect(run('documents.setMemo', { id: 999_999, memo: 'x' })).rejects.toMatchObject({ code: 'not_found' });
    core.close();
  });

  it('refuses a coding edit that would leave the document or empty the range, and changes nothing', async () => {
    const { run, core } = await sample();
    const [coding] = await run('codings.list', {});
    const before = content(core);
    await expect(run('codings.update', { id: coding!.id, end: 10_000_000 })).rejects.toMatchObject({ code: 'range_invalid' });
    await expect(run('codings.update', { id: coding!.id, start: coding!.end })).rejects.toMatchObject({ code: 'range_invalid' });
    await expect(run('codings.update', { id: coding!.id, codeId: 999_999 })).rejects.toMatchObject({ code: 'not_found' });
    expect(content(core)).toEqual(before);
    core.close();
  });
});
