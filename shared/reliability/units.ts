/**
 * The units coders are compared on, as code-point ranges of one document:
 * words (runs of non-space characters), sentences (ended by . ! ? … or a line
 * break), and speaker turns (or, in documents without turns, paragraphs:
 * non-empty lines). Characters are handled without listing them.
 */
import type { Range } from '../analysis/ranges';
import { CodePointIndex } from '../text/codepoints';

export type AgreementUnit = 'character' | 'word' | 'sentence' | 'turn' | 'segment';
export const agreementUnits: AgreementUnit[] = ['character', 'word', 'sentence', 'turn', 'segment'];

const sentenceEnd = /[.!?…]["'”’)\]]*(?=\s|$)/gu;

function matches(text: string, pattern: RegExp): Range[] {
  return [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** Sentences: split at sentence ends and line breaks, trimmed of surrounding space. */
function sentences(text: string): Range[] {
  const out: Range[] = [];
  const cut = (start: number, end: number) => {
    const piece = text.slice(start, end);
    const lead = piece.length - piece.trimStart().length;
    const trimmed = piece.trim();
    if (trimmed) out.push({ start: start + lead, end: start + lead + trimmed.length });
  };
  let lineStart = 0;
  for (const line of text.split('\n')) {
    let start = lineStart;
    for (const m of line.matchAll(sentenceEnd)) {
      cut(start, lineStart + m.index + m[0].length);
      start = lineStart + m.index + m[0].length;
    }
    cut(start, lineStart + line.length);
    lineStart += line.length + 1;
  }
  return out;
}

/** The units of one document in code points, in order; `turns` are its speaker turns, if any. */
export function documentUnits(text: string, unit: 'word' | 'sentence' | 'turn', turns: readonly Range[]): Range[] {
  if (unit === 'turn' && turns.length > 0) return [...turns].sort((a, b) => a.start - b.start);
  const index = new CodePointIndex(text);
  const utf16 = unit === 'word' ? matches(text, /\S+/gu) : unit === 'sentence' ? sentences(text) : matches(text, /[^\n]*\S[^\n]*/gu);
  return utf16.map((r) => ({ start: index.toCodePoint(r.start), end: index.toCodePoint(r.end) }));
}
