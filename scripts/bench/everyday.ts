/**
 * Everyday operations on a project at research-group scale, each timed
 * in-process through the dispatcher: N transcripts (each with a participant of
 * its own) and C codings over 50 codes, then what a researcher does all day
 * (open a transcript, list passages, rename, write a memo, delete a document
 * and bring it back from the trash, merge codes, the project to REFI-QDA and back, reopen it…). The
 * point is the one that does not stay instant: a deletion that read every
 * text of the project was found this way.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { OpName, OpResult } from '../../shared/api/contract';
import { call } from '../../electron/core/dispatcher';
import { benchCore, codeAcross, importInterviews, percentile, rng, tempDir } from './common';

export async function benchEveryday(docCount: number, wordCount: number, codingCount: number): Promise<void> {
  const dir = tempDir('everyday');
  const random = rng(9);
  const file = path.join(dir, 'everyday.tematik');
  let core = benchCore(dir);
  const run = <K extends OpName>(op: K, input: unknown = {}) => call(core, op, input) as Promise<OpResult<K>>;
  try {
    await run('project.create', { path: file });
    await run('coder.set', { name: 'bench' });
    await importInterviews(run, random, docCount, wordCount);
    const documents = await run('documents.list');
    const codeIds: number[] = [];
    for (let i = 0; i < 50; i++) codeIds.push((await run('codes.create', { name: `Theme ${i + 1}` })).id);
    await codeAcross(run, random, documents, codeIds, Math.round(codingCount / codeIds.length));

    const rows: [string, number[]][] = [];
    const time = async (label: string, step: (round: number) => Promise<unknown>, rounds = 3) => {
      const times: number[] = [];
      for (let round = 0; round < rounds; round++) {
        const start = performance.now();
        await step(round);
        times.push(performance.now() - start);
      }
      rows.push([label, times]);
    };
    const doc = documents[10]!.id;
    await time('documents.list', () => run('documents.list'));
    await time('documents.get (a transcript)', () => run('documents.get', { id: doc }));
    await time('documents.turns', () => run('documents.turns', { documentId: doc }));
    await time('codings.spans (a transcript)', () => run('codings.spans', { documentId: doc }));
    await time('codings.rows (a transcript)', () => run('codings.rows', { documentId: doc }));
    await time('codings.rows (a code)', (r) => run('codings.rows', { codeId: codeIds[r + 1] }));
    await time('codes.list', () => run('codes.list'));
    await time('cases.list', () => run('cases.list'));
    await time('speakers.list', () => run('speakers.list'));
    await time('audit.list', () => run('audit.list', {}));
    await time('analysis.retrieve (a code)', (r) => run('analysis.retrieve', { codeId: codeIds[r + 5] }));
    await time('analysis.frequencies', () => run('analysis.frequencies', {}));
    await time('analysis.cooccurrence', () => run('analysis.cooccurrence', {}));
    await time('analysis.query (A AND B)', (r) => run('analysis.query', { expression: `"Theme ${r + 1}" AND "Theme ${r + 2}"` }));
    await time('codings.create + delete', async (r) => run('codings.delete', { id: (await run('codings.create', { documentId: doc, codeId: codeIds[0], start: 100 + r, end: 140 + r })).id }));
    await time('documents.rename', (r) => run('documents.rename', { id: doc, name: `renamed ${r}` }));
    await time('documents.setMemo', (r) => run('documents.setMemo', { id: doc, memo: `memo ${r}` }));
    await time('codes.update', (r) => run('codes.update', { id: codeIds[5], description: `about ${r}` }));
    await time('codes.delete (to the trash)', (r) => run('codes.delete', { id: codeIds[49 - r]! }));
    await time('trash.list', () => run('trash.list'));
    await time('trash.restore (a code)', async () => run('trash.restore', { id: (await run('trash.list'))[0]!.id }));
    await time('codes.merge', (r) => run('codes.merge', { sourceId: codeIds[40 + r], targetId: codeIds[0] }));
    await time('documents.delete (to the trash)', (r) => run('documents.delete', { id: documents[20 + r]!.id }));
    await time('trash.restore (a document)', async () => run('trash.restore', { id: (await run('trash.list'))[0]!.id }));
    // The project to NVivo and back: written as .qdpx, then read into a project of its own.
    const qdpx = path.join(dir, 'everyday.qdpx');
    await time('exchange.export (.qdpx)', () => run('exchange.export', { format: 'qdpx', out: qdpx }), 1);
    core.close();
    core = benchCore(dir);
    await run('project.create', { path: path.join(dir, 'from-qdpx.tematik') });
    await time('exchange.import (.qdpx)', () => run('exchange.import', { path: qdpx }), 1);
    core.close();
    core = benchCore(dir);
    await time('project.open', () => run('project.open', { path: file }), 1);
    await time('codes.list, just opened', () => run('codes.list'), 1);

    console.log(`\n## Everyday operations: ${documents.length} transcripts × ${wordCount} words, ${codingCount} codings over 50 codes (in-process, ms)`);
    console.log(`${'operation'.padEnd(34)} ${'median'.padStart(8)} ${'max'.padStart(8)}`);
    for (const [label, times] of rows) console.log(`${label.padEnd(34)} ${percentile(times, 50).toFixed(1).padStart(8)} ${Math.max(...times).toFixed(1).padStart(8)}`);
  } finally {
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
