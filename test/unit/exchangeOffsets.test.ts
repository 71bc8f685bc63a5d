import { describe, expect, it } from 'vitest';
import { exportPosition, positionMap, producerReading, readings, type Reading } from '../../shared/exchange/offsets';
import { normalizeImportedText, sliceCodePoints } from '../../shared/text/codepoints';

const raw = 'Rina: saya 😅 kerja\r\nPewawancara: é lalu?\r\nRina: 🇮🇩 ya';
const stored = normalizeImportedText(raw);

/** A span of the raw text given by JS (UTF-16) indices, and where producers put it. */
function span(text: string) {
  const start = raw.indexOf(text);
  return { start, end: start + text.length };
}

describe('REFI-QDA offsets', () => {
  it('reads NVivo positions (UTF-16 code units, CRLF as two) onto the stored text', () => {
    const map = positionMap(raw, producerReading('NVivo 12 for Windows'));
    for (const text of ['kerja', 'é lalu?', 'ya', '🇮🇩 ya', 'saya 😅 kerja\r\nPewawancara']) {
      const { start, end } = span(text);
      expect(sliceCodePoints(stored, map[start]!, map[end]!)).toBe(normalizeImportedText(text));
    }
  });

  it('reads standard positions (code points, CRLF as two) and ATLAS.ti’s (line break as one)', () => {
    const points = [...raw];
    const cp = (text: string) => {
      const start = [...raw.slice(0, raw.indexOf(text))].length;
      return { start, end: start + [...text].length };
    };
    const standard = positionMap(raw, producerReading('QualCoder 3.5'));
    const { start, end } = cp('ya');
    expect(sliceCodePoints(stored, standard[start]!, standard[end]!)).toBe('ya');
    expect(standard.length).toBe(points.length + 1);
    // ATLAS.ti counts over the text as if every line break were one character.
    const atlas = positionMap(raw, producerReading('ATLAS.ti for Windows 23.2.3'));
    const lf = [...stored];
    const at = lf.join('').indexOf('é lalu?');
    const startLf = [...stored.slice(0, at)].length;
    expect(sliceCodePoints(stored, atlas[startLf]!, atlas[startLf + 7]!)).toBe('é lalu?');
  });

  it('writes positions back in a target’s unit over the text as written', () => {
    const toUtf16 = exportPosition(stored, { unit: 'utf16', crlf: 'two' }, false);
    const at = [...stored].indexOf('k');
    expect(stored.slice(toUtf16(at), toUtf16(at + 5))).toBe('kerja');
    const crlfFile = stored.replace(/\n/g, '\r\n');
    const maxqda = exportPosition(stored, { unit: 'codepoint', crlf: 'two' }, true);
    const ya = [...stored].length - 2;
    expect([...crlfFile].slice(maxqda(ya), maxqda(ya + 2)).join('')).toBe('ya');
  });

  it('maps every producer position as a walk over the characters does, lone surrogates and CRLF included', () => {
    const raw = 'Pewawancara: 😅 ok?\r\nInforman: 𝒜ya\r\n\r\nsetengah \ud83d pasangan \udc4d lalu\rCR 👍🏽\n';
    const walk = (reading: Reading) => {
      const out: number[] = [];
      let stored = 0;
      for (let i = 0; i < raw.length; stored++) {
        const width = raw.codePointAt(i)! > 0xffff ? 2 : 1;
        if (raw[i] === '\r' && raw[i + 1] === '\n') {
          out.push(stored, ...(reading.crlf === 'two' ? [stored] : []));
          i += 2;
        } else {
          out.push(stored, ...(reading.unit === 'utf16' && width === 2 ? [stored] : []));
          i += width;
        }
      }
      return [...out, stored];
    };
    for (const reading of readings) expect([...positionMap(raw, reading)]).toEqual(walk(reading));
  });

  it('gives every position of every target the count of a walk over the text', () => {
    const text = 'Pewawancara: 😅 ok?\nInforman: 𝒜ya\n\ntidak 👍🏽 kerja\n';
    // The walk: each character counts as one, or as its UTF-16 length, and a line break as two where the file has CRLF.
    const walk = (reading: Reading, crlfInFile: boolean) => {
      const starts = [0];
      for (const ch of text) starts.push(starts.at(-1)! + (ch === '\n' && crlfInFile && reading.crlf === 'two' ? 2 : reading.unit === 'utf16' ? ch.length : 1));
      return starts;
    };
    for (const reading of readings) {
      for (const crlfInFile of [false, true]) {
        const position = exportPosition(text, reading, crlfInFile);
        const starts = walk(reading, crlfInFile);
        expect(starts.map((_, at) => position(at))).toEqual(starts);
        // Past the end: the end.
        expect(position(starts.length + 5)).toBe(starts.at(-1));
      }
    }
  });
});
