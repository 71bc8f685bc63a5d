import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PassageCutter } from '../../electron/core/store/passageBytes';
import { sliceCodePoints } from '../../shared/text/codepoints';
import { newCore, writeFile } from '../helpers/tempProject';

describe('passages cut from stored bytes', () => {
  it('are exactly the code-point slices of the text, in order, out of order and across documents', async () => {
    const { core, run, dir } = newCore();
    await run('project.create', { path: path.join(dir, 'p.tematik') });
    // One, two, three and four bytes a character: ASCII, é, curly quotes and 漢字, emoji.
    const texts = {
      Rina: 'Rina: Pendapatan “naik turun” 😅, kadang 0. Café ☕ di Kupang 🇮🇩 — 漢字 ok.\nRina: Lagi 👍🏽 ya.',
      Kevin: 'Kevin: plain ASCII only, nothing else here.',
    };
    for (const [name, text] of Object.entries(texts)) await run('documents.importFiles', { paths: [writeFile(dir, `${name}.txt`, text)] });
    const ids = new Map((await run('documents.list')).map((d) => [d.name, d.id]));
    const cutter = new PassageCutter(core.project!);
    let seed = 7;
    const random = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    for (let round = 0; round < 300; round++) {
      const name = round % 3 === 0 ? 'Kevin' : 'Rina';
      const text = texts[name];
      const length = [...text].length;
      const start = random(length + 1);
      const end = start + random(length - start + 1);
      expect(cutter.cut(ids.get(name)!, start, end)).toBe(sliceCodePoints(text, start, end));
    }
    core.close();
  });
});
