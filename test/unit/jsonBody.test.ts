import { describe, expect, it } from 'vitest';
import { jsonPieces } from '../../electron/server/jsonBody';
import { FilePieces } from '../../electron/core/filePieces';
import { bodyHeaders, hasFileBody, resultFromBody } from '../../shared/api/fileBody';

describe('JSON bodies in pieces', () => {
  it('join into exactly what JSON.stringify writes, with long strings cut into slices', () => {
    // Two million characters with quotes, line breaks and an emoji straddling the first slice boundary.
    const long = `${'a'.repeat((1 << 20) - 1)}😅${'x"\r\n'.repeat(300_000)}`;
    const value = { ok: true, result: { name: 'codings.csv', content: long, skipped: undefined, list: [1, 'two', null], nested: { when: new Date(0), n: 1.5 } } };
    const pieces = [...jsonPieces(value)];
    expect(pieces.join('')).toBe(JSON.stringify(value));
    expect(JSON.parse(pieces.join('')).result.content).toBe(long);
    // Escaping lengthens a slice (here each quote and line break doubles), but no piece comes near the whole.
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThanOrEqual(2 * (1 << 20) + 2);
  });

  it('leaves small values in one piece per value', () => {
    const value = { ok: false, error: { code: 'not_found', message: 'Document “3” was not found.' } };
    expect([...jsonPieces(value)].join('')).toBe(JSON.stringify(value));
    expect([...jsonPieces([1, 2, 3])]).toEqual(['[1,2,3]']);
  });
});

describe('a file sent as the response body', () => {
  it('comes back as the whole result, a file name in Bahasa Indonesia with an emoji included', () => {
    const headers = bodyHeaders('csv', { fileName: 'Ojek “malam” 😅.csv', rows: 2 });
    expect(Object.values(headers).every((value) => /^[\x20-\x7e]*$/.test(value))).toBe(true);
    const lookup = (name: string) => headers[name];
    const bytes = new TextEncoder().encode('\ufeffa,b\r\n1,2');
    expect(hasFileBody(lookup)).toBe(true);
    expect(resultFromBody(lookup, bytes)).toEqual({ fileName: 'Ojek “malam” 😅.csv', rows: 2, csv: bytes });
    expect(hasFileBody(() => null)).toBe(false);
  });

  it('joins pieces encoded one by one into the text they were made from', () => {
    const texts = ['kata “pertama” ', '😅', '', ' akhir'];
    const pieces = FilePieces.of(texts.map((text) => Buffer.from(text, 'utf8')));
    expect(pieces.join().toString('utf8')).toBe(texts.join(''));
    expect(pieces.byteLength).toBe(Buffer.byteLength(texts.join('')));
  });
});
