/**
 * Speaker turns found in a transcript's UTF-8 bytes are the turns found in
 * its text: the same speakers, at the same places counted in code points,
 * whatever the labels and line ends hold beyond ASCII.
 */
import { describe, expect, it } from 'vitest';
import { CodePointIndex, Utf8CodePoints } from '../../shared/text/codepoints';
import { detectSpeakerTurns, detectSpeakerTurnsInUtf8 } from '../../shared/text/speakers';
import { rng } from '../helpers/random';

/** Turns in code points, as an import stores them. */
function fromText(text: string) {
  const index = new CodePointIndex(text);
  return {
    length: index.length,
    turns: detectSpeakerTurns(text).map((t) => ({ ...t, start: index.toCodePoint(t.start), contentStart: index.toCodePoint(t.contentStart), end: index.toCodePoint(t.end) })),
  };
}

function fromUtf8(text: string) {
  const utf8 = Buffer.from(text, 'utf8');
  const bytes = utf8.toString('latin1');
  const codePoints = new Utf8CodePoints(utf8);
  return {
    length: codePoints.length,
    turns: detectSpeakerTurnsInUtf8(bytes).map((t) => ({ ...t, start: codePoints.at(t.start), contentStart: codePoints.at(t.contentStart), end: codePoints.at(t.end) })),
  };
}

const labels = [
  'Rina',
  'Pewawancara',
  'José',
  'Ñoño Pérez',
  'Dr. Ana-María',
  'Rina’s mother',
  'Ωmega',
  '李明',
  'Ibu Made (warung)',
  'Informan 2',
  '🙂 Ana',
  'Ä'.repeat(61),
  'é'.repeat(40),
  'satu dua tiga empat lima enam tujuh',
  'kata satu dua tiga empat lima enam',
  '2nd',
  'Ab€c',
  'x\u00a0y',
];
const contents = ['baik 😅, terima kasih.', 'ojek\u00a0', 'penghasilan\u3000', 'naik turun…', 'kerja di “Grab”', '', ' ', 'Catatan: 10:30 jam kerja', '𝒜 beyond the BMP 🛵🛵'];
const ends = ['', ' ', '\u00a0', '\u3000', '\u2028', '\ufeff', '\t', '  \u00a0 ', ' \ufeff'];

function transcript(random: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const lines: string[] = [];
  for (let i = 0; i < 5 + random() * 40; i++) {
    const form = random();
    const label = pick(labels);
    if (form < 0.55) lines.push(`${label}: ${pick(contents)}${pick(ends)}`);
    else if (form < 0.65) lines.push(`[00:0${Math.floor(random() * 10)}:1${Math.floor(random() * 10)}] ${label}: ${pick(contents)}${pick(ends)}`);
    else if (form < 0.72) lines.push(`**${label}:** ${pick(contents)}`);
    else if (form < 0.8) lines.push(`  ${label}\t:  ${pick(contents)}${pick(ends)}`);
    else if (form < 0.9) lines.push(`${pick(contents)}${pick(ends)}`);
    else lines.push(pick(ends));
  }
  return lines.join('\n');
}

describe('speaker turns found in UTF-8 bytes', () => {
  it('are the turns found in the text, for labels and line ends beyond ASCII', () => {
    const random = rng(11);
    let turns = 0;
    for (let run = 0; run < 1000; run++) {
      const text = transcript(random);
      const expected = fromText(text);
      expect(fromUtf8(text)).toEqual(expected);
      turns += expected.turns.length;
    }
    // The samples hold turns to compare, not only lines that are none.
    expect(turns).toBeGreaterThan(2000);
  });

  it('reads labels written in other scripts, and trims white space beyond ASCII from a turn’s end', () => {
    const text = 'José: hola\u3000\nLi 明: 好\u00a0\u00a0\nJosé: lagi 😅\nLi 明: ya\n';
    const { turns } = fromUtf8(text);
    expect(turns.map((t) => [t.speaker, t.start, t.contentStart, t.end])).toEqual([
      ['José', 0, 6, 10],
      ['Li 明', 12, 18, 19],
      ['José', 22, 28, 34],
      ['Li 明', 35, 41, 43],
    ]);
    expect(fromUtf8(text)).toEqual(fromText(text));
  });

  it('counts code points from byte offsets: ASCII, two-, three- and four-byte characters', () => {
    const text = 'aé€😅b';
    const codePoints = new Utf8CodePoints(Buffer.from(text, 'utf8'));
    expect([0, 1, 3, 6, 10, 11].map((b) => codePoints.at(b))).toEqual([0, 1, 2, 3, 4, 5]);
    // Asked for out of order, as well.
    expect([11, 3, 10, 0, 6, 1].map((b) => codePoints.at(b))).toEqual([5, 2, 4, 0, 3, 1]);
    expect(codePoints.length).toBe(5);
  });
});
