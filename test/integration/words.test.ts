/** Word frequencies over whole transcripts: what is counted and what is left out. */
import { describe, expect, it } from 'vitest';
import { newCore } from '../helpers/tempProject';
import path from 'node:path';

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
});
