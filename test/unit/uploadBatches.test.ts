import { describe, expect, it } from 'vitest';
import { isQuickToImport, uploadBatches } from '../../shared/import/uploadBatches';

const file = (name: string, size = 1000) => ({ name, size });
const names = (batches: { name: string }[][]) => batches.map((b) => b.map((f) => f.name));

describe('uploads of picked files', () => {
  it('sends consecutive transcripts together and every other file alone, in the order picked', () => {
    const picked = ['a.txt', 'b.vtt', 'c.SRT', 'word.docx', 'd.md', 'survey.csv', 'e.txt', 'book.pdf', 'f.txt', 'g.text', 'team.qdpx', 'page.html', 'h'].map((n) => file(n));
    expect(names(uploadBatches(picked))).toEqual([['a.txt', 'b.vtt', 'c.SRT'], ['word.docx'], ['d.md'], ['survey.csv'], ['e.txt'], ['book.pdf'], ['f.txt', 'g.text'], ['team.qdpx'], ['page.html'], ['h']]);
  });

  it('starts a new upload at the count or the size limit, and sends a file larger than the limit alone', () => {
    const limits = { files: 3, bytes: 10_000 };
    const many = Array.from({ length: 7 }, (_, i) => file(`t${i}.txt`));
    expect(uploadBatches(many, limits).map((b) => b.length)).toEqual([3, 3, 1]);
    const sized = [file('s1.txt', 6000), file('s2.txt', 4000), file('s3.txt', 1), file('huge.txt', 50_000), file('s4.txt', 1)];
    expect(names(uploadBatches(sized, limits))).toEqual([['s1.txt', 's2.txt'], ['s3.txt'], ['huge.txt'], ['s4.txt']]);
  });

  it('keeps every file exactly once', () => {
    const picked = Array.from({ length: 100 }, (_, i) => file(i % 7 === 0 ? `x${i}.docx` : `x${i}.txt`, (i * 7919) % 3_000_000));
    expect(uploadBatches(picked).flat()).toEqual(picked);
  });

  it('tells quick types by their extension, not by a dot alone', () => {
    expect(isQuickToImport('Interview.TXT')).toBe(true);
    expect(isQuickToImport('.txt')).toBe(false);
    expect(isQuickToImport('notes.txt.docx')).toBe(false);
  });
});
