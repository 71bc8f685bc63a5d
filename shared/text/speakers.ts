/**
 * Speaker turns in a transcript. A line that starts with a label such as
 * `Rina:`, `**Rina:**` or `[00:01:02] Rina:` opens a turn that runs until the
 * next labelled line. A label counts only if it is at most 60 characters,
 * starts with a letter, has at most six words, and occurs on at least two
 * lines — so "Catatan: …" written once, or a time such as "10:30", is not a
 * speaker. Offsets are UTF-16 (JavaScript string) indices; callers convert.
 */

export interface DetectedTurn {
  speaker: string;
  /** Start of the line that opens the turn. */
  start: number;
  /** Where the spoken text begins, after the label. */
  contentStart: number;
  /** End of the turn's last non-empty line (exclusive). */
  end: number;
  /** A time stamp written before the label, in milliseconds. */
  timeMs: number | null;
}

export const defaultInterviewerLabels = ['Pewawancara', 'Interviewer', 'Moderator', 'Peneliti', 'Fasilitator', 'Facilitator', 'Penanya', 'I', 'Q'];

const MAX_LABEL = 60;
/** Read where a line starts (sticky), so no line is copied out of the text to be matched. */
const labelLine =
  /[ \t]*(?:\[?((?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)\]?[ \t]+)?(?:\*\*|__)?([\p{L}][\p{L}\p{M}\p{N} .'’()\-]*?)(?:\*\*|__)?[ \t]*:(?:\*\*|__)?(?=[ \t\n]|$)/uy;
/**
 * The same over UTF-8 bytes read one to a character: any byte of a
 * character beyond ASCII may be part of a label, which is then decoded and
 * held to the pattern above (labelWhole).
 */
const labelLineInUtf8 =
  /[ \t]*(?:\[?((?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)\]?[ \t]+)?(?:\*\*|__)?([A-Za-z\x80-\xff][A-Za-z0-9\x80-\xff .'()\-]*?)(?:\*\*|__)?[ \t]*:(?:\*\*|__)?(?=[ \t\n]|$)/y;
const labelWhole = /^[\p{L}][\p{L}\p{M}\p{N} .'’()\-]*$/u;
const beyondAscii = /[\x80-\xff]/;
/** White space in ASCII, as `\s` has it: tab, line feed, vertical tab, form feed, carriage return, space. */
const isSpace = (code: number) => code === 0x20 || (code >= 0x09 && code <= 0x0d);
/** A label of more than six words is a sentence with a colon. */
const sevenWords = /\S+(?:\s+\S+){6}/;

export function parseTimestamp(stamp: string): number {
  const [clock, fraction = '0'] = stamp.split(/[.,]/);
  const parts = clock!.split(':').map(Number);
  while (parts.length < 3) parts.unshift(0);
  const [h, m, s] = parts as [number, number, number];
  return ((h * 60 + m) * 60 + s) * 1000 + Math.round(Number(`0.${fraction}`) * 1000);
}

export function formatTimestamp(ms: number): string {
  const total = Math.floor(ms / 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(total / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
}

interface Candidate {
  speaker: string;
  start: number;
  contentStart: number;
  timeMs: number | null;
}

/** A text as the detection reads it: the characters themselves, or the bytes of their UTF-8. */
interface Reading {
  view: string;
  labelLine: RegExp;
  /** The label as written (null if it is none), from what the pattern matched. */
  label(matched: string): string | null;
  /** How many characters lie between two positions. */
  length(start: number, end: number): number;
  /** Where the character before `position` starts if it is white space, or -1. */
  spaceBefore(position: number): number;
}

/** Speaker turns in a text; offsets are UTF-16 indices into it. */
export function detectSpeakerTurns(text: string): DetectedTurn[] {
  return detectTurns({
    view: text,
    labelLine,
    label: (matched) => matched,
    length: (start, end) => end - start,
    spaceBefore: (position) => (isSpace(text.charCodeAt(position - 1)) || (text.charCodeAt(position - 1) >= 0x80 && /\s/.test(text[position - 1]!)) ? position - 1 : -1),
  });
}

/**
 * Speaker turns found in a text's UTF-8 without decoding all of it: `bytes`
 * holds one character per byte (Latin-1), and only labels and line ends
 * beyond ASCII are decoded. Offsets are byte offsets. Gives the turns
 * detectSpeakerTurns gives for the decoded text.
 */
export function detectSpeakerTurnsInUtf8(bytes: string): DetectedTurn[] {
  const decoded = new Map<string, string | null>();
  return detectTurns({
    view: bytes,
    labelLine: labelLineInUtf8,
    label(matched) {
      if (!beyondAscii.test(matched)) return matched;
      let label = decoded.get(matched);
      if (label === undefined) {
        const text = fromUtf8(matched);
        decoded.set(matched, (label = labelWhole.test(text) ? text : null));
      }
      return label;
    },
    length(start, end) {
      const part = bytes.slice(start, end);
      return beyondAscii.test(part) ? fromUtf8(part).length : part.length;
    },
    spaceBefore(position) {
      if (bytes.charCodeAt(position - 1) < 0x80) return isSpace(bytes.charCodeAt(position - 1)) ? position - 1 : -1;
      // Back over the continuation bytes (10xxxxxx) to the character's first.
      let first = position - 1;
      while (first > 0 && position - first < 4 && (bytes.charCodeAt(first) & 0xc0) === 0x80) first--;
      return /^\s$/.test(fromUtf8(bytes.slice(first, position))) ? first : -1;
    },
  });
}

// A byte-order mark is a character like any other here (white space, at a line's end), not a mark to drop.
const utf8Decoder = new TextDecoder('utf-8', { ignoreBOM: true });
/** The characters that bytes, read one to a character, encode in UTF-8. */
const fromUtf8 = (bytes: string): string => utf8Decoder.decode(Uint8Array.from(bytes, (c) => c.charCodeAt(0)));

function detectTurns(reading: Reading): DetectedTurn[] {
  const text = reading.view;
  const candidates: Candidate[] = [];
  // A transcript has a handful of labels on hundreds of lines: each is judged once, and its lines counted, in one entry.
  const labels = new Map<string, { ok: boolean; lines: number }>();
  const labelOf = (speaker: string) => {
    let label = labels.get(speaker);
    if (label === undefined) labels.set(speaker, (label = { ok: speaker.length > 0 && speaker.length <= MAX_LABEL && !sevenWords.test(speaker), lines: 0 }));
    return label;
  };
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    reading.labelLine.lastIndex = lineStart;
    const match = reading.labelLine.exec(text);
    if (match && (match[0].length <= MAX_LABEL + 40 || reading.length(lineStart, lineStart + match[0].length) <= MAX_LABEL + 40)) {
      const speaker = reading.label(match[2]!)?.trim();
      const label = speaker === undefined ? undefined : labelOf(speaker);
      if (speaker !== undefined && label?.ok) {
        let contentStart = lineStart + match[0].length;
        while (contentStart < lineEnd && (text.charCodeAt(contentStart) === 0x20 || text.charCodeAt(contentStart) === 0x09)) contentStart++;
        candidates.push({ speaker, start: lineStart, contentStart, timeMs: match[1] ? parseTimestamp(match[1]) : null });
        label.lines++;
      }
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }

  const accepted = candidates.filter((c) => labels.get(c.speaker)!.lines >= 2);
  return accepted.map((c, i) => {
    let end = i + 1 < accepted.length ? accepted[i + 1]!.start : text.length;
    while (end > c.contentStart) {
      const space = reading.spaceBefore(end);
      if (space === -1) break;
      end = space;
    }
    return { speaker: c.speaker, start: c.start, contentStart: c.contentStart, timeMs: c.timeMs, end: Math.max(end, c.contentStart) };
  });
}

/**
 * Whether a label names the interviewer: the label itself, or its first word
 * for numbered or annotated labels ("Pewawancara 2", "Interviewer (Ana)").
 * One-letter labels (I, Q) must match whole, so "I Made" stays a participant.
 */
export function isInterviewerLabel(speaker: string, labels: readonly string[] = defaultInterviewerLabels): boolean {
  const folded = speaker.trim().toLocaleLowerCase();
  const firstWord = folded.split(/[\s(]+/)[0] ?? '';
  return labels.some((label) => {
    const l = label.toLocaleLowerCase();
    return l === folded || (l.length > 1 && l === firstWord);
  });
}
