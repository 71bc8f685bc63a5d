import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ok, tematik } from '../helpers/cli';
import { tempDir, writeFile } from '../helpers/tempProject';

// Each test spawns the CLI a dozen times; allow for a loaded CI machine.
describe('the tematik CLI', { timeout: 120_000 }, () => {
  it('runs the whole slice: init, import, show, codes, code, list, cooccurrence, export', () => {
    const dir = tempDir();
    const text = '\ufeffPewawancara: Apa tantangan terbesar?\r\nDedi: Ongkir mahal 😅, saingan berat.\r\nPewawancara: Lalu?\r\nDedi: Saya cerita tentang tiap kain.\r\n';
    writeFile(dir, 'interviews/Dedi wawancara.txt', text);
    writeFile(dir, 'interviews/nested/Kevin.md', 'Interviewer: Hi\nKevin: Competition is global.');

    ok(dir, 'init', 'p.tematik');
    expect(tematik(dir, 'init', 'p.tematik')).toMatchObject({ code: 1, stderr: expect.stringContaining('p.tematik already exists') });

    const imported = ok(dir, 'import', 'p.tematik', 'interviews', '--json')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { status: string; document: string });
    expect(imported.map((o) => [o.status, o.document])).toEqual([
      ['imported', 'Dedi wawancara'],
      ['imported', 'Kevin'],
    ]);
    const stored = 'Pewawancara: Apa tantangan terbesar?\nDedi: Ongkir mahal 😅, saingan berat.\nPewawancara: Lalu?\nDedi: Saya cerita tentang tiap kain.\n';
    expect(ok(dir, 'show', 'p.tematik', 'Dedi wawancara')).toBe(stored);

    ok(dir, 'codes', 'add', 'p.tematik', 'Challenges');
    ok(dir, 'codes', 'add', 'p.tematik', 'Income uncertainty', '--parent', 'Challenges', '--description', 'Irregular income');
    ok(dir, 'codes', 'add', 'p.tematik', 'Competition', '--parent', 'Challenges');
    // "Ongkir mahal 😅" starts at code point 43; the emoji is one code point.
    ok(dir, 'code', 'p.tematik', 'Dedi wawancara', 'Income uncertainty', '--start', '43', '--end', '57', '--memo', 'shipping');
    ok(dir, 'code', 'p.tematik', 'Dedi wawancara', 'Challenges/Competition', '--start', '56', '--end', '72', '--coder', 'Budi');

    const codings = JSON.parse(ok(dir, 'list', 'p.tematik', 'codings', '--json')) as Record<string, unknown>[];
    expect(codings.map((c) => [c.document, c.code, c.start, c.end, c.text, c.memo])).toEqual([
      ['Dedi wawancara', 'Income uncertainty', 43, 57, 'Ongkir mahal 😅', 'shipping'],
      ['Dedi wawancara', 'Competition', 56, 72, '😅, saingan berat', null],
    ]);
    expect(codings[1]).toMatchObject({ coder: 'Budi' });
    // The foundation's shape, with the measures added after it.
    expect(JSON.parse(ok(dir, 'cooccurrence', 'p.tematik', '--json'))).toEqual([{ a: 'Competition', b: 'Income uncertainty', count: 1, c: 1, rule: 'overlap', n1: 1, n2: 1, uneven: false }]);

    const codes = JSON.parse(ok(dir, 'list', 'p.tematik', 'codes', '--json')) as Record<string, unknown>[];
    expect(codes.map((c) => [c.path, c.codings])).toEqual([
      ['Challenges', 0],
      ['Challenges/Income uncertainty', 1],
      ['Challenges/Competition', 1],
    ]);

    ok(dir, 'export', 'csv', 'p.tematik', '--out', 'out');
    const csv = Papa.parse<Record<string, string>>(fs.readFileSync(path.join(dir, 'out', 'codings.csv'), 'utf8'), { header: true });
    expect(csv.meta.fields).toEqual(['document', 'code', 'start', 'end', 'text', 'coder', 'created_at', 'memo', 'speaker', 'timestamp']);
    expect(csv.data[0]).toMatchObject({ speaker: 'Dedi', timestamp: '' });
    expect(csv.data.map((r) => [r.code, r.start, r.end, r.text])).toEqual([
      ['Income uncertainty', '43', '57', 'Ongkir mahal 😅'],
      ['Competition', '56', '72', '😅, saingan berat'],
    ]);
  });

  it('reports bad input on stderr with a non-zero exit and changes nothing', () => {
    const dir = tempDir();
    ok(dir, 'init', 'p.tematik');
    writeFile(dir, 'a.txt', 'short text');
    ok(dir, 'import', 'p.tematik', 'a.txt');
    ok(dir, 'codes', 'add', 'p.tematik', 'Stigma');
    const before = ok(dir, 'list', 'p.tematik', 'codings', '--json');

    const cases: [string[], RegExp][] = [
      [['code', 'p.tematik', 'a', 'Stigma', '--start', '5', '--end', '99'], /Range 5–99 does not fit document “a”/],
      [['code', 'p.tematik', 'a', 'Stigma', '--start', 'x', '--end', '3'], /--start.*not a whole number/],
      [['code', 'p.tematik', 'a', 'Nope', '--start', '0', '--end', '3'], /Code “Nope” was not found/],
      [['code', 'p.tematik', 'missing', 'Stigma', '--start', '0', '--end', '3'], /Document “missing” was not found/],
      [['code', 'p.tematik', 'a', 'Stigma', '--start', '4', '--end', '4'], /end must be greater than start/],
      [['list', 'missing.tematik', 'codes'], /missing\.tematik does not exist/],
      [['list', 'p.tematik', 'things'], /“things” is not one of/],
      [['import', 'p.tematik', 'nowhere.txt'], /nowhere\.txt does not exist/],
    ];
    for (const [args, message] of cases) {
      const result = tematik(dir, ...args);
      expect(result.code, args.join(' ')).not.toBe(0);
      expect(result.stderr, args.join(' ')).toMatch(message);
    }
    expect(ok(dir, 'list', 'p.tematik', 'codings', '--json')).toBe(before);
  });

  it('builds the sample study', () => {
    const dir = tempDir();
    ok(dir, 'sample', 'sample.tematik', '--lang', 'en');
    const cases = JSON.parse(ok(dir, 'list', 'sample.tematik', 'cases', '--json')) as { name: string; attributes: Record<string, string> }[];
    expect(cases).toHaveLength(7);
    expect(cases.find((c) => c.name === 'Kevin')?.attributes.generation).toBe('Gen Z');
    const pairs = JSON.parse(ok(dir, 'cooccurrence', 'sample.tematik', '--json')) as { a: string; b: string; count: number }[];
    expect(pairs[0]).toMatchObject({ a: 'Income uncertainty', b: 'No welfare protection', count: expect.any(Number) });

    const passages = JSON.parse(ok(dir, 'query', 'sample.tematik', '"Stigma and social perception" AND (Inclusivity OR Networking)', '--json')) as Record<string, unknown>[];
    expect(passages).toEqual([
      { document: '03 Maria - MC acara', start: 1296, end: 1390, text: 'Ada klien yang minta MC perempuan tapi harus "yang cantik dan langsing", bukan soal kemampuan.' },
      { document: '06 Sarlota - kurir makanan', start: 837, end: 916, text: 'Di pangkalan juga kadang bapak-bapak bilang perempuan lebih baik di rumah saja.' },
    ]);
    expect(tematik(dir, 'query', 'sample.tematik', 'Inclusivity AND')).toMatchObject({ code: 1, stderr: expect.stringContaining('character 16: the expression ends too early') });

    const hits = JSON.parse(ok(dir, 'search', 'sample.tematik', 'bersaing', '--lang', 'id', '--json')) as { document: string; text: string; context: string }[];
    expect(hits.map((h) => h.text)).toEqual(['Persaingan', 'persaingan', 'persaingan', 'Saingan']);
    expect(Object.keys(hits[0]!)).toEqual(['document', 'start', 'end', 'text', 'context']);
    expect(hits[0]!.context).toContain('Persaingan makin ketat');

    ok(dir, 'codes', 'merge', 'sample.tematik', 'Competition', 'Challenges/Income uncertainty');
    const codes = JSON.parse(ok(dir, 'list', 'sample.tematik', 'codes', '--json')) as { name: string; codings: number }[];
    expect(codes.find((c) => c.name === 'Competition')).toBeUndefined();
    expect(codes.find((c) => c.name === 'Income uncertainty')?.codings).toBe(19);
  });

  it('adds the starter codebook and carries a codebook to another project as CSV and as Markdown', () => {
    const dir = tempDir();
    ok(dir, 'init', 'a.tematik');
    expect(ok(dir, 'codes', 'template', 'a.tematik', '--lang', 'en')).toContain('19 codes created, 0 updated');
    const original = JSON.parse(ok(dir, 'list', 'a.tematik', 'codes', '--json')) as Record<string, unknown>[];
    const guidance = (codes: Record<string, unknown>[]) => codes.map((c) => [c.path, c.color, c.description, c.inclusion, c.exclusion, c.example]);

    for (const format of ['csv', 'md']) {
      ok(dir, 'codes', 'export', 'a.tematik', '--format', format, '--out', `codebook.${format}`);
      ok(dir, 'init', `${format}.tematik`);
      expect(ok(dir, 'codes', 'import', `${format}.tematik`, `codebook.${format}`)).toContain('19 codes created, 0 updated');
      expect(guidance(JSON.parse(ok(dir, 'list', `${format}.tematik`, 'codes', '--json')) as Record<string, unknown>[])).toEqual(guidance(original));
      // Importing again updates instead of duplicating.
      expect(ok(dir, 'codes', 'import', `${format}.tematik`, `codebook.${format}`)).toContain('0 codes created, 19 updated');
    }
    expect(fs.readFileSync(path.join(dir, 'codebook.md'), 'utf8')).toContain('### Income uncertainty\n\n- colour: #e69f00\n- Description: Irregular');
    expect(tematik(dir, 'codes', 'import', 'a.tematik', 'missing.csv')).toMatchObject({ code: 1, stderr: expect.stringContaining('missing.csv does not exist') });

    // A new project can start from an exported codebook or from the starter; a bad codebook leaves no project behind.
    expect(ok(dir, 'init', 'from-file.tematik', '--codebook', 'codebook.md')).toContain('with 19 codes');
    expect(guidance(JSON.parse(ok(dir, 'list', 'from-file.tematik', 'codes', '--json')) as Record<string, unknown>[])).toEqual(guidance(original));
    expect(ok(dir, 'init', 'starter-id.tematik', '--starter', 'id')).toContain('with 19 codes');
    expect(ok(dir, 'list', 'starter-id.tematik', 'codes')).toContain('Ketidakpastian penghasilan');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a codebook');
    expect(tematik(dir, 'init', 'bad.tematik', '--codebook', 'notes.txt')).toMatchObject({ code: 1, stderr: expect.stringContaining('notes.txt') });
    expect(fs.existsSync(path.join(dir, 'bad.tematik'))).toBe(false);
  });
});
