/** Text files decoded: what is checked for binary content, when the bytes are the text itself, what counts as blank. */
import { describe, expect, it } from 'vitest';
import { controlShare, controlShareOfUtf8, decodeText, isBlank } from '../../electron/core/importers/decodeText';
import { rng } from '../helpers/random';

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

describe('decoding a text file', () => {
  it('judges binary content by the first 16,384 characters, not bytes', () => {
    // 'é' takes two bytes: the control characters lie past the first 16,384 bytes but within the first 16,384 characters.
    const late = 'é'.repeat(9_000) + '\u0001'.repeat(300) + 'é'.repeat(9_000);
    expect(() => decodeText(utf8(late), 'late.txt')).toThrow(expect.objectContaining({ code: 'not_text' }));
    const after = 'é'.repeat(16_384) + '\u0001'.repeat(300);
    expect(decodeText(utf8(after), 'after.txt').text).toBe(after);
    // Four-byte characters are two UTF-16 units each, so the sample ends within its first 32,768 bytes.
    const emoji = '😅'.repeat(8_000) + '\u0001'.repeat(300) + 'x'.repeat(100);
    expect(() => decodeText(utf8(emoji), 'emoji.txt')).toThrow(expect.objectContaining({ code: 'not_text' }));
  });

  it('finds in the bytes of UTF-8 the share of unlikely characters that the text has, wherever the bytes lie in memory', () => {
    const pieces = ['a', 'word ', '\n', '\t', '\f', '\r', '\u0000', '\u0001', '\u000b', '\u001f', '\u007f', '\ufffd', 'é', '€', '😅', '李', 'x'.repeat(40)];
    const random = rng(5);
    for (let round = 0; round < 400; round++) {
      // Mostly short texts, some past the sample's end, so that it ends on every kind of character.
      const count = round % 10 === 0 ? 4_000 + Math.floor(random() * 4_000) : Math.floor(random() * 60);
      const text = Array.from({ length: count }, () => pieces[Math.floor(random() * pieces.length)]!).join('');
      const encoded = Buffer.from(text, 'utf8');
      const shift = round % 4;
      const backing = new Uint8Array(encoded.length + 8);
      backing.set(encoded, shift);
      expect(controlShareOfUtf8(backing.subarray(shift, shift + encoded.length))).toBe(controlShare(text));
    }
  });

  it('passes UTF-8 on as it is when it is the text, and decodes it only when asked', () => {
    const decoded = decodeText(utf8('Rina: baik 😅\nAna: ya'), 'a.txt');
    expect(decoded.utf8 && Buffer.from(decoded.utf8).toString('utf8')).toBe('Rina: baik 😅\nAna: ya');
    expect(decoded.text).toBe('Rina: baik 😅\nAna: ya');
    const windows = decodeText(utf8('Rina: baik\r\nAna: ya'), 'b.txt');
    expect(windows.utf8).toBeUndefined();
    expect(windows.text).toBe('Rina: baik\nAna: ya');
  });

  it('counts a text of white space alone as blank, beyond ASCII too', () => {
    expect([' \n\t\r', '\u00a0\u3000 ', ' a', '\u00a0x', ''].map((text) => isBlank(decodeText(utf8(text), 'c.txt')))).toEqual([true, true, false, false, true]);
  });
});
