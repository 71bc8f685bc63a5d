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
    ['codes.update', async ({ code }) => ['codes.update', { id: code('Competition').id, name: 'Market competition', color: '#123456', exclusion: 'none' }]],
    ['codes.delete (a branch with codings)', async ({ code }) => ['codes.delete', { id: code('Challenges').id }]],
    ['codes.merge', async ({ code }) => ['codes.merge', { sourceId: code('Competition').id, targetId: code('Income uncertainty').id }]],
    ['codes.merge (with sub-codes)', async ({ code }) => ['codes.merge', { sourceId: code('Strategies').id, targetId: code('Challenges').id }]],
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
});
