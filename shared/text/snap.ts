/**
 * Range arithmetic for selections and codings in the document view: snapping
 * a rough drag to whole words, sentences or speaker turns, and moving one edge
 * of a coding by a word. Offsets are UTF-16; the renderer converts to code
 * points before anything reaches the contract.
 */
import { trimRange } from './selection';

export interface TextRange {
  start: number;
  end: number;
}

export type SnapMode = 'word' | 'sentence' | 'turn';

const wordChar = /[\p{L}\p{M}\p{N}'’_-]/u;
const isWord = (text: string, i: number) => i >= 0 && i < text.length && wordChar.test(text[i]!);

/** Grows the range so that it neither starts nor ends inside a word. */
export function snapToWords(text: string, range: TextRange): TextRange | null {
  const trimmed = trimRange(text, range.start, range.end);
  if (!trimmed) return null;
  let { start, end } = trimmed;
  while (isWord(text, start - 1) && isWord(text, start)) start--;
  while (isWord(text, end) && isWord(text, end - 1)) end++;
  return { start, end };
}

const sentenceEnd = /[.!?…]["'”’)\]]*(?=\s|$)/gu;

/**
 * Grows the range to whole sentences: from just after the previous sentence
 * end or line break to just after the next one. Transcripts often lack full
 * stops, so a line break always ends a sentence.
 */
export function snapToSentences(text: string, range: TextRange): TextRange | null {
  const words = snapToWords(text, range);
  if (!words) return null;
  const lineStart = text.lastIndexOf('\n', words.start - 1) + 1;
  let start = lineStart;
  sentenceEnd.lastIndex = lineStart;
  for (let m = sentenceEnd.exec(text); m && m.index + m[0].length <= words.start; m = sentenceEnd.exec(text)) start = m.index + m[0].length;
  const lineEnd = text.indexOf('\n', words.end);
  const limit = lineEnd < 0 ? text.length : lineEnd;
  sentenceEnd.lastIndex = Math.max(words.end - 1, words.start);
  const next = sentenceEnd.exec(text);
  const end = next && next.index < limit ? next.index + next[0].length : limit;
  return trimRange(text, start, Math.max(end, words.end));
}

export interface TurnBounds {
  start: number;
  contentStart: number;
  end: number;
}

/** Grows the range to the spoken text of every turn it touches; outside turns it snaps to sentences. */
export function snapToTurns(text: string, turns: readonly TurnBounds[], range: TextRange): TextRange | null {
  const words = snapToWords(text, range);
  if (!words) return null;
  const first = turns.find((t) => t.end > words.start && t.start < words.end);
  const last = [...turns].reverse().find((t) => t.end > words.start && t.start < words.end);
  if (!first || !last) return snapToSentences(text, range);
  // Text before the first turn (a heading, say) stays in; a turn contributes its words, not its label.
  const start = words.start < first.start ? words.start : first.contentStart;
  return trimRange(text, start, Math.max(last.end, words.end));
}

export function snapRange(text: string, turns: readonly TurnBounds[], range: TextRange, mode: SnapMode): TextRange | null {
  if (mode === 'sentence') return snapToSentences(text, range);
  if (mode === 'turn') return snapToTurns(text, turns, range);
  return snapToWords(text, range);
}

/**
 * Moves one edge of a range by a word: `direction` 1 moves it right, -1 left.
 * A word here runs from white space to white space, so punctuation stays with
 * its word ("work." moves as one). The range never becomes empty; an edge
 * that cannot move stays put.
 */
export function nudgeEdge(text: string, range: TextRange, edge: 'start' | 'end', direction: 1 | -1): TextRange {
  const space = (i: number) => /\s/.test(text[i]!);
  let at = edge === 'start' ? range.start : range.end;
  if (direction > 0) {
    // The start skips its word and the space after it; the end skips the space and the next word.
    if (edge === 'start') {
      while (at < text.length && !space(at)) at++;
      while (at < text.length && space(at)) at++;
    } else {
      while (at < text.length && space(at)) at++;
      while (at < text.length && !space(at)) at++;
    }
  } else if (edge === 'start') {
    while (at > 0 && space(at - 1)) at--;
    while (at > 0 && !space(at - 1)) at--;
  } else {
    while (at > 0 && !space(at - 1)) at--;
    while (at > 0 && space(at - 1)) at--;
  }
  const next = edge === 'start' ? { start: at, end: range.end } : { start: range.start, end: at };
  return next.end > next.start ? next : range;
}
