import { describe, expect, it } from 'vitest';
import { assignLanes } from '../../shared/analysis/lanes';
import { blockAt, textBlocks } from '../../shared/text/blocks';
import { nudgeEdge, snapRange, snapToSentences, snapToTurns, snapToWords } from '../../shared/text/snap';

const slice = (text: string, r: { start: number; end: number } | null) => (r ? text.slice(r.start, r.end) : null);

describe('snapping a selection', () => {
  const text = 'Saya kerja ojek. Penghasilan tidak menentu! Kadang sepi.\nBaris kedua di sini';
  it('grows a partial drag to whole words and drops surrounding space', () => {
    const at = text.indexOf('erja');
    expect(slice(text, snapToWords(text, { start: at, end: at + 6 }))).toBe('kerja ojek');
    expect(slice(text, snapToWords(text, { start: 4, end: 5 }))).toBeNull();
  });
  it('keeps words with apostrophes and hyphens whole', () => {
    const t = "it's a part-time gig";
    expect(slice(t, snapToWords(t, { start: 1, end: 2 }))).toBe("it's");
    expect(slice(t, snapToWords(t, { start: 9, end: 10 }))).toBe('part-time');
  });
  it('grows to sentences, with a line break ending a sentence', () => {
    const at = text.indexOf('tidak');
    expect(slice(text, snapToSentences(text, { start: at, end: at + 3 }))).toBe('Penghasilan tidak menentu!');
    const second = text.indexOf('kedua');
    expect(slice(text, snapToSentences(text, { start: second, end: second + 2 }))).toBe('Baris kedua di sini');
    const first = text.indexOf('ojek');
    expect(slice(text, snapToSentences(text, { start: first, end: text.indexOf('menentu') + 2 }))).toBe('Saya kerja ojek. Penghasilan tidak menentu!');
  });
  it('grows to the spoken text of the turns touched, without the speaker label', () => {
    const t = 'Pewawancara: Berapa lama?\nRina: Dua tahun. Kadang malam.\nPewawancara: Oke.';
    const turns = [
      { start: 0, contentStart: 13, end: 25 },
      { start: 26, contentStart: 32, end: 57 },
      { start: 58, contentStart: 71, end: t.length },
    ];
    const at = t.indexOf('tahun');
    expect(slice(t, snapToTurns(t, turns, { start: at, end: at + 2 }))).toBe('Dua tahun. Kadang malam.');
    expect(slice(t, snapRange(t, [], { start: at, end: at + 2 }, 'turn'))).toBe('Rina: Dua tahun.');
    expect(slice(t, snapRange(t, turns, { start: at, end: at + 2 }, 'word'))).toBe('tahun');
  });
});

describe('moving a coding edge by a word', () => {
  const text = 'one two three four';
  const range = { start: 4, end: 13 }; // "two three"
  it('extends and shrinks either edge', () => {
    expect(slice(text, nudgeEdge(text, range, 'end', 1))).toBe('two three four');
    expect(slice(text, nudgeEdge(text, range, 'end', -1))).toBe('two');
    expect(slice(text, nudgeEdge(text, range, 'start', -1))).toBe('one two three');
    expect(slice(text, nudgeEdge(text, range, 'start', 1))).toBe('three');
  });
  it('keeps punctuation with its word', () => {
    const t = 'I decide when I work. Because of';
    const work = { start: 0, end: t.indexOf('.') + 1 };
    const longer = nudgeEdge(t, work, 'end', 1);
    expect(slice(t, longer)).toBe('I decide when I work. Because');
    expect(nudgeEdge(t, longer, 'end', -1)).toEqual(work);
  });
  it('never empties the range or leaves the text', () => {
    const one = { start: 4, end: 7 };
    expect(nudgeEdge(text, one, 'end', -1)).toEqual(one);
    expect(nudgeEdge(text, one, 'start', 1)).toEqual(one);
    expect(nudgeEdge(text, { start: 0, end: 3 }, 'start', -1)).toEqual({ start: 0, end: 3 });
    expect(nudgeEdge(text, { start: 14, end: 18 }, 'end', 1)).toEqual({ start: 14, end: 18 });
  });
});

describe('text blocks', () => {
  it('lay end to end into exactly the text, one per paragraph with its line breaks', () => {
    const text = 'A: satu\n\nB: dua\nC: tiga';
    const blocks = textBlocks(text);
    expect(blocks.map((b) => text.slice(b.start, b.end))).toEqual(['A: satu\n\n', 'B: dua\n', 'C: tiga']);
    expect(blockAt(blocks, 0)).toBe(0);
    expect(blockAt(blocks, 9)).toBe(1);
    expect(blockAt(blocks, text.length - 1)).toBe(2);
  });
  it('cuts an over-long paragraph at white space and never splits a surrogate pair', () => {
    const text = 'kata '.repeat(1000);
    const blocks = textBlocks(text, 100);
    expect(blocks.map((b) => text.slice(b.start, b.end)).join('')).toBe(text);
    expect(Math.max(...blocks.map((b) => b.end - b.start))).toBeLessThanOrEqual(100);
    for (const b of blocks) expect(text.slice(b.start, b.end).endsWith(' ')).toBe(true);
    const emoji = '😀'.repeat(300);
    const cut = textBlocks(emoji, 101);
    expect(cut.map((b) => emoji.slice(b.start, b.end)).join('')).toBe(emoji);
    for (const b of cut) expect(b.start % 2).toBe(0);
  });
  it('gives an empty text one empty block', () => {
    expect(textBlocks('')).toEqual([{ start: 0, end: 0 }]);
  });
});

describe('margin lanes', () => {
  it('puts overlapping codings side by side and reuses freed lanes', () => {
    const { lanes, count } = assignLanes([
      { id: 1, start: 0, end: 10 },
      { id: 2, start: 5, end: 15 },
      { id: 3, start: 2, end: 4 },
      { id: 4, start: 12, end: 20 },
    ]);
    expect(count).toBe(2);
    expect(lanes.get(1)).toBe(0);
    expect(lanes.get(3)).toBe(1);
    expect(lanes.get(2)).toBe(1);
    expect(lanes.get(4)).toBe(0);
  });
});

describe('document layout for the virtualised view', () => {
  it('groups runs by block and lists the codings crossing each block with lanes', async () => {
    const { layoutDocument } = await import('../../shared/text/documentLayout');
    const text = 'Rina: satu dua\nPewawancara: tiga\nRina: empat lima';
    const spans = [
      { id: 1, start: 6, end: 25 }, // crosses the first line break
      { id: 2, start: 10, end: 14 },
      { id: -1, start: 40, end: 45 },
    ];
    const layout = layoutDocument(text, spans, [], new Set([-1]));
    expect(layout.blocks).toHaveLength(3);
    for (const [i, block] of layout.blocks.entries()) {
      const runs = layout.block(i).segments;
      expect(runs[0]!.start).toBe(block.start);
      expect(runs.at(-1)!.end).toBe(block.end);
      for (let r = 1; r < runs.length; r++) expect(runs[r]!.start).toBe(runs[r - 1]!.end);
    }
    expect(layout.blocks.map((_, i) => layout.block(i).stripes)).toEqual([[1, 2], [1], []]);
    expect(layout.laneCount).toBe(2);
    expect(layout.lanes.has(-1)).toBe(false);
    expect(layout.block(2).segments.some((s) => s.spanIds.includes(-1))).toBe(true);
    expect(layout.block(0).segments.find((s) => s.start === 10)!.spanIds).toEqual([1, 2]);
  });

  it('draws each block exactly as a whole-document segmentation would, long spans included', async () => {
    const { layoutDocument } = await import('../../shared/text/documentLayout');
    const { segmentText } = await import('../../shared/text/segments');
    const text = Array.from({ length: 400 }, (_, i) => `Baris ${i}: ${'kata '.repeat(i % 17)}`).join('\n');
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const spans = Array.from({ length: 300 }, (_, id) => {
      const start = Math.floor(random() * text.length);
      return { id: id + 1, start, end: Math.min(text.length, start + 1 + Math.floor(random() * (id % 50 === 0 ? 30_000 : 400))) };
    });
    const cuts = [100, 2000, 5000];
    const layout = layoutDocument(text, spans, cuts);
    const blockStarts = layout.blocks.map((b) => b.start);
    const whole = segmentText(text.length, spans, [...cuts, ...blockStarts]);
    const drawn = layout.blocks.flatMap((_, i) => layout.block(i).segments);
    expect(drawn).toEqual(whole);
  });
});
