/**
 * Text positions as REFI-QDA producers write them, and as Tematik stores them.
 *
 * The standard counts Unicode code points over the source's plain text
 * (REFI-QDA 1.5, §10.2), end exclusive in practice. Producers deviate:
 * NVivo counts UTF-16 code units and a CRLF as two; ATLAS.ti counts a line
 * break as one even where its .txt holds CRLF. Tematik stores text without
 * a byte-order mark and with `\n` line endings, in code points.
 *
 * A `Reading` names one interpretation; `positionMap` turns every producer
 * position of a raw text into a stored code-point position in one pass.
 */

import { CodePointIndex } from '../text/codepoints';

export type Unit = 'codepoint' | 'utf16';

export interface Reading {
  unit: Unit;
  /** Whether a CRLF in the raw text counts as two positions or one. */
  crlf: 'two' | 'one';
}

export const readings: readonly Reading[] = [
  { unit: 'codepoint', crlf: 'two' },
  { unit: 'utf16', crlf: 'two' },
  { unit: 'codepoint', crlf: 'one' },
  { unit: 'utf16', crlf: 'one' },
];

export const sameReading = (a: Reading, b: Reading) => a.unit === b.unit && a.crlf === b.crlf;

/** The reading a producer's files need, from the project's `origin`. */
export function producerReading(origin: string): Reading {
  const o = origin.toLowerCase();
  if (o.includes('nvivo')) return { unit: 'utf16', crlf: 'two' };
  if (o.includes('atlas')) return { unit: 'codepoint', crlf: 'one' };
  return { unit: 'codepoint', crlf: 'two' };
}

/**
 * For a raw text (BOM already removed), the stored code-point position of
 * every producer position 0..length (inclusive); positions inside a
 * character (half a surrogate pair, between CR and LF) map to its start.
 */
export function positionMap(raw: string, reading: Reading): Int32Array {
  // A position per UTF-16 unit at most, plus the end; filled by char code, not by one-character strings pushed onto a list,
  // which made reading the positions of a thousand transcripts take half a minute.
  const out = new Int32Array(raw.length + 1);
  const crlfTwo = reading.crlf === 'two';
  const utf16 = reading.unit === 'utf16';
  let n = 0;
  let stored = 0;
  for (let i = 0; i < raw.length; stored++) {
    const unit = raw.charCodeAt(i);
    if (unit === 0x0d && raw.charCodeAt(i + 1) === 0x0a) {
      out[n++] = stored;
      if (crlfTwo) out[n++] = stored;
      i += 2;
      continue;
    }
    const pair = unit >= 0xd800 && unit <= 0xdbff && (raw.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    out[n++] = stored;
    if (utf16 && pair) out[n++] = stored;
    i += pair ? 2 : 1;
  }
  out[n++] = stored;
  return out.subarray(0, n);
}

/**
 * Stored positions back to a producer's: for writing a file in a target tool's unit over the text as written.
 * Computed per position from where the astral characters and line breaks lie, not by walking every
 * character: a walk of a thousand transcripts took six seconds of a project's export.
 */
export function exportPosition(stored: string, reading: Reading, crlfInFile: boolean, index = new CodePointIndex(stored)): (position: number) => number {
  const doubled = crlfInFile && reading.crlf === 'two';
  const breaks: number[] = [];
  if (doubled) for (let at = stored.indexOf('\n'); at >= 0; at = stored.indexOf('\n', at + 1)) breaks.push(at);
  return (position) => {
    const at = Math.max(0, Math.min(position, index.length));
    const utf16 = index.toUtf16(at);
    const base = reading.unit === 'utf16' ? utf16 : at;
    return doubled ? base + breaksBefore(breaks, utf16) : base;
  };
}

/** How many of the ascending offsets lie before `offset`. */
function breaksBefore(offsets: readonly number[], offset: number): number {
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (offsets[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
