/**
 * The byte writer of the codings files against papaparse, which writes every
 * other CSV of the product: the same cells give the same bytes, whether a
 * text comes as a string or as a range of stored UTF-8.
 */
import { describe, expect, it } from 'vitest';
import { CsvByteWriter } from '../../electron/core/export/csvBytes';
import { csvFromRows, type Cell, type CsvOptions } from '../../shared/csv/table';
import { rng } from '../helpers/random';

const pieces = ['a', 'kerja', ' ', ',', ';', '"', '""', '\n', '\r\n', '\ufeff', 'é', 'naïve', '😅', '\t', 'x y', '=1+2', '–'];

function randomCell(random: () => number): Cell {
  const kind = random();
  if (kind < 0.1) return null;
  if (kind < 0.15) return random() < 0.5;
  if (kind < 0.3) return random() < 0.5 ? Math.floor(random() * 1e6) - 500 : Math.round(random() * 1e4) / 100;
  // Up to about 80 pieces: both sides of the length up to which the writer keeps cells encoded.
  return Array.from({ length: Math.floor(random() * (kind < 0.9 ? 8 : 80)) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
}

function written(rows: Cell[][], options: CsvOptions, asBytes: (column: number) => boolean): string {
  const csv = new CsvByteWriter(options);
  for (const row of rows) {
    csv.startRow();
    row.forEach((cell, column) => {
      if (asBytes(column) && typeof cell === 'string') {
        // Inside a larger buffer, as a passage sits inside its transcript.
        const bytes = Buffer.from(`«${cell}»`);
        csv.bytesCell(bytes, Buffer.byteLength('«'), bytes.length - Buffer.byteLength('»'));
      } else {
        csv.cell(cell);
      }
    });
  }
  return Buffer.concat(csv.done()).toString('utf8');
}

describe('CSV written as bytes', () => {
  const random = rng(7);
  const rows = Array.from({ length: 400 }, () => Array.from({ length: 6 }, () => randomCell(random)));
  const header = ['document', 'text', 'start', 'memo', 'speaker', 'n'];

  for (const options of [{}, { delimiter: ';' as const, bom: true, decimalComma: true }, { delimiter: ',' as const, decimalComma: true }]) {
    it(`matches papaparse cell for cell (${JSON.stringify(options)})`, () => {
      const expected = csvFromRows(header, rows, options);
      expect(written([header, ...rows], options, () => false)).toBe(expected);
      // Texts given as stored bytes are quoted and escaped the same way.
      expect(written([header, ...rows], options, (column) => column === 1 || column === 3)).toBe(expected);
    });
  }

  it('grows past its chunk for a cell longer than the chunk', () => {
    const long = `"${'kata '.repeat(100_000)}"`;
    expect(written([['a', long]], {}, () => true)).toBe(csvFromRows(['a', long], []));
    expect(written([['a', long]], {}, () => false)).toBe(csvFromRows(['a', long], []));
  });

  it('writes whole numbers, zero and the largest exact one among them, as papaparse does', () => {
    const numbers = [[0, -0, 7, 10, 99, 100, 123456789, Number.MAX_SAFE_INTEGER, -42, 2.5, 1e21]];
    expect(written(numbers, {}, () => false)).toBe(csvFromRows(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'], numbers).split('\r\n')[1]);
  });
});
