import { describe, expect, it } from 'vitest';
import { codePointLength, CodePointIndex, normalizeImportedText, sliceCodePoints, Utf8CodePoints } from '../../shared/text/codepoints';
import { rng } from '../helpers/random';

describe('code-point positions', () => {
  const text = 'a😀b\u0065\u0301c𝄞d'; // emoji (astral), e + combining acute (two code points), G clef (astral)

  it('counts an emoji as one and a combining mark as its own code point', () => {
    expect(codePointLength(text)).toBe(8);
    expect(text.length).toBe(10);
  });

  it('converts code points to UTF-16 and back', () => {
    const index = new CodePointIndex(text);
    const expected = [0, 1, 3, 4, 5, 6, 7, 9, 10];
    expected.forEach((utf16, cp) => {
      expect(index.toUtf16(cp)).toBe(utf16);
      expect(index.toCodePoint(utf16)).toBe(cp);
    });
  });

  it('snaps an offset inside a surrogate pair to the start of its character', () => {
    const index = new CodePointIndex(text);
    expect(index.toCodePoint(2)).toBe(1);
    expect(index.toCodePoint(8)).toBe(6);
  });

  it('slices by code points', () => {
    expect(sliceCodePoints(text, 1, 3)).toBe('😀b');
    expect(sliceCodePoints(text, 3, 5)).toBe('e\u0301');
    expect(sliceCodePoints(text, 6, 8)).toBe('𝄞d');
  });

  it('is the identity on text without astral characters', () => {
    const index = new CodePointIndex('plain ascii é');
    expect(index.toUtf16(7)).toBe(7);
    expect(index.toCodePoint(12)).toBe(12);
    expect(index.length).toBe(13);
  });

  it('handles astral characters at the very start and end', () => {
    const edge = '😀x😀';
    const index = new CodePointIndex(edge);
    expect(index.length).toBe(3);
    expect(index.toUtf16(0)).toBe(0);
    expect(index.toUtf16(1)).toBe(2);
    expect(index.toUtf16(2)).toBe(3);
    expect(index.toUtf16(3)).toBe(5);
    expect(sliceCodePoints(edge, 2, 3)).toBe('😀');
  });

  it('normalises imported text: BOM removed, CRLF and CR become LF, nothing else changes', () => {
    expect(normalizeImportedText('\ufeffA\r\nB\rC\nD')).toBe('A\nB\nC\nD');
    expect(normalizeImportedText('e\u0301 😀')).toBe('e\u0301 😀');
  });
});

describe('code points of UTF-8 byte offsets', () => {
  const pieces = ['a', ' ', '\n', 'é', '€', '😅', '李明', 'ï', 'xyzw'.repeat(5)];

  it('gives every character boundary its code-point offset, wherever the bytes lie in memory', () => {
    const random = rng(11);
    for (let round = 0; round < 300; round++) {
      const text = Array.from({ length: Math.floor(random() * 120) }, () => pieces[Math.floor(random() * pieces.length)]!).join('');
      const encoded = Buffer.from(text, 'utf8');
      // Placed at every alignment within a larger buffer: the bytes are read a 32-bit word at a time.
      const shift = round % 4;
      const backing = new Uint8Array(encoded.length + 8).fill(0xa9);
      backing.set(encoded, shift);
      const bytes = backing.subarray(shift, shift + encoded.length);
      const codePoints = new Utf8CodePoints(bytes);
      expect(codePoints.length).toBe([...text].length);
      let byte = 0;
      [...text].forEach((character, codePoint) => {
        expect(codePoints.at(byte)).toBe(codePoint);
        byte += Buffer.byteLength(character);
      });
      expect(codePoints.at(byte)).toBe(codePoints.length);
    }
  });
});
