/** Word frequencies over whole transcripts: what is counted and what is left out. */
import { describe, expect, it } from 'vitest';
import { newCore } from '../helpers/tempProject';
import path from 'node:path';
import Database from 'better-sqlite3';
import { wordFrequencies } from '../../electron/core/analysis/words';

describe('word frequencies over documents', () => {
  it('leaves out interviewer turns unless asked, and speaker labels always', async () => {
    const { run, dir, core } = newCore();
    await run('project.create', { path: path.join(dir, 'words.tematik') });
    const text = 'Pewawancara: gaji gaji gaji bagaimana?\nRina: ojek ojek malam.\nPewawancara: gaji lagi?\nRina: ojek.';
    await run('documents.importUploads', { files: [{ fileName: 'rina.txt', base64: Buffer.from(text).toString('base64') }] });
    const counts = async (includeInterviewer?: boolean) => Object.fromEntries((await run('analysis.words', { lang: 'id', includeInterviewer })).map((w) => [w.word, w.count]));
    const without = await counts();
    expect(without).toMatchObject({ ojek: 3, malam: 1 });
    expect(without.gaji).toBeUndefined();
    expect(Object.keys(without).some((w) => /pewawancara|rina/i.test(w))).toBe(false);
    const withInterviewer = await counts(true);
    expect(withInterviewer).toMatchObject({ ojek: 3, gaji: 4 });
    expect(Object.keys(withInterviewer).some((w) => /pewawancara|rina/i.test(w))).toBe(false);
    core.close();
  });

  it('keeps the counts of whole documents while passages are coded, and counts again when what they come from changes', async () => {
    const { run, dir, core } = newCore();
    const file = path.join(dir, 'words.tematik');
    await run('project.create', { path: file });
    const rina = 'Pewawancara: gaji bagaimana?\nRina: ojek ojek malam.\nPewawancara: lagi?\nRina: ojek.';
    const yohanes = 'Pewawancara: dan keluarga?\nYohanes: keluarga keluarga tabungan.\nPewawancara: lagi?\nYohanes: keluarga.';
    await run('documents.importUploads', { files: [rina, yohanes].map((text, i) => ({ fileName: `${i ? 'yohanes' : 'rina'}.txt`, base64: Buffer.from(text).toString('base64') })) });
    const project = core.project!;
    const words = (query = {}) => wordFrequencies(project, { lang: 'id', ...query });
    const tally = (query = {}) => Object.fromEntries(words(query).map((w) => [w.word, w.count]));
    const [doc] = await run('documents.list');
    const code = await run('codes.create', { name: 'Pendapatan' });

    let counted = words();
    await run('codings.apply', { documentId: doc!.id, start: 0, end: 10, codeIds: [code.id] });
    await run('codes.create', { name: 'Keluarga' });
    expect(words()).toBe(counted);
    // One code's passages do change with its codings.
    const passages = tally({ codeId: code.id });
    expect(passages.ojek).toBeUndefined();
    await run('codings.apply', { documentId: doc!.id, start: rina.indexOf('ojek'), end: rina.indexOf('ojek') + 4, codeIds: [code.id] });
    expect(tally({ codeId: code.id })).toEqual({ ...passages, ojek: 1 });

    const changes: [string, () => Promise<unknown>, Record<string, number | undefined>][] = [
      ['an interviewer marked', async () => run('speakers.update', { id: (await run('speakers.list')).find((s) => s.name === 'Pewawancara')!.id, isInterviewer: false }), { gaji: 1 }],
      ['a stop word added', () => run('analysis.setStopwords', { added: ['malam'], removed: [] }), { malam: undefined }],
      ['a document deleted', async () => run('documents.delete', { id: (await run('documents.list')).find((d) => d.name === 'yohanes')!.id }), { keluarga: undefined }],
    ];
    for (const [what, change, expected] of changes) {
      counted = words();
      await change();
      expect(words(), what).not.toBe(counted);
      const now = tally();
      for (const [word, count] of Object.entries(expected)) expect(now[word], `${what}: ${word}`).toBe(count);
    }

    // Counted over the documents of cases with an attribute: they change with it.
    const genZ = { where: { generation: 'Gen Z' } };
    const rinaCase = (await run('cases.list')).find((c) => c.name === 'Rina')!;
    await run('cases.update', { id: rinaCase.id, attributes: { generation: 'Gen Z' } });
    expect(tally(genZ).ojek).toBe(3);
    await run('cases.update', { id: rinaCase.id, attributes: { generation: 'Millennial' } });
    expect(tally(genZ).ojek).toBeUndefined();

    // Another connection's writes: SQLite's data version says so.
    counted = words();
    const other = new Database(file);
    // The same turns, other words.
    other.prepare('UPDATE documents SET text = ? WHERE id = ?').run(rina.replaceAll('ojek', 'sepi'), doc!.id);
    other.close();
    expect(words()).not.toBe(counted);
    expect(tally().sepi).toBe(3);
    expect(tally().ojek).toBeUndefined();
    core.close();
  });
});
