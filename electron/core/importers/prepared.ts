/**
 * A parsed file made ready to write: everything about it that needs no
 * project — the text's UTF-8, its hash, its length and its speaker turns in
 * code points — worked out before any write, so that the writer only binds
 * values (the text as the bytes it is stored as, never encoded again).
 */
import { AppError } from '../../../shared/api/errors';
import { CodePointIndex, Utf8CodePoints } from '../../../shared/text/codepoints';
import { type DetectedTurn, detectSpeakerTurns, detectSpeakerTurnsInUtf8 } from '../../../shared/text/speakers';
import { contentHash } from './contentHash';
import { chooseImporter } from './registry';
import { importLimits, type ParsedDocument, type ParsedTurn } from './types';

export interface PreparedDocument {
  /** The text to store, as UTF-8: written as it is, so the writer never encodes the text itself. */
  utf8: Uint8Array;
  format: string;
  details: Record<string, string | number>;
  hash: string;
  /** In code points. */
  length: number;
  /** The speakers in the order they first speak; turns name them by their index here. */
  speakers: string[];
  /** Four numbers per turn: speaker index, start, content start, end (code points). */
  turns: Int32Array;
  /** Two numbers per turn: start and end time in ms, NaN where the format gives none. */
  times: Float64Array;
}

export function prepareDocument(parsed: ParsedDocument, hash?: string): PreparedDocument {
  if (parsed.utf8 && !parsed.turns) return prepareUtf8(parsed, parsed.utf8, hash);
  const utf8 = parsed.utf8 ?? Buffer.from(parsed.text, 'utf8');
  const index = new CodePointIndex(parsed.text);
  // Turns the format marks (subtitle cues), or else those found in the text.
  const found = parsed.turns ?? detectSpeakerTurns(parsed.text).map(withTimes);
  return { utf8, format: parsed.format, details: parsed.details, hash: hash ?? contentHash(utf8), length: index.length, ...packTurns(found, (offset) => index.toCodePoint(offset)) };
}

/**
 * A text that is exactly its UTF-8 (a plain transcript, as most are): its
 * speaker turns found in the bytes, read one to a character, and their
 * offsets counted in code points from there. The text is never decoded:
 * that took longer than finding the turns.
 */
function prepareUtf8(parsed: ParsedDocument, utf8: Uint8Array, hash?: string): PreparedDocument {
  const codePoints = new Utf8CodePoints(utf8);
  const found = detectSpeakerTurnsInUtf8(Buffer.from(utf8.buffer, utf8.byteOffset, utf8.byteLength).toString('latin1')).map(withTimes);
  return { utf8, format: parsed.format, details: parsed.details, hash: hash ?? contentHash(utf8), length: codePoints.length, ...packTurns(found, (offset) => codePoints.at(offset)) };
}

const withTimes = (t: DetectedTurn): ParsedTurn => ({ speaker: t.speaker, start: t.start, contentStart: t.contentStart, end: t.end, timeStartMs: t.timeMs, timeEndMs: null });

/** Turns in typed arrays, their offsets in code points (from UTF-16 or byte offsets, as `toCodePoint` reads them), their speakers by index. */
function packTurns(found: readonly ParsedTurn[], toCodePoint: (offset: number) => number): Pick<PreparedDocument, 'speakers' | 'turns' | 'times'> {
  const speakers: string[] = [];
  const speakerIndex = new Map<string, number>();
  const turns = new Int32Array(found.length * 4);
  const times = new Float64Array(found.length * 2);
  found.forEach((turn, i) => {
    let speaker = speakerIndex.get(turn.speaker);
    if (speaker === undefined) {
      speaker = speakers.push(turn.speaker) - 1;
      speakerIndex.set(turn.speaker, speaker);
    }
    turns[i * 4] = speaker;
    turns[i * 4 + 1] = toCodePoint(turn.start);
    turns[i * 4 + 2] = toCodePoint(turn.contentStart);
    turns[i * 4 + 3] = toCodePoint(turn.end);
    times[i * 2] = turn.timeStartMs ?? NaN;
    times[i * 2 + 1] = turn.timeEndMs ?? NaN;
  });
  return { speakers, turns, times };
}

/** Whether the text has more characters than a document may: a text that is its UTF-8 has no more characters than bytes, and is decoded to count them only when it has more bytes. */
function tooLong(parsed: ParsedDocument): boolean {
  if (parsed.utf8 && parsed.utf8.byteLength <= importLimits.textChars) return false;
  return parsed.text.length > importLimits.textChars;
}

/** A file's bytes read by its importer, checked against the size limit, and prepared. */
export async function prepareFile(fileName: string, bytes: Uint8Array): Promise<PreparedDocument> {
  const parsed = await chooseImporter(fileName, bytes).parse(bytes, fileName);
  if (tooLong(parsed)) throw new AppError('file_too_large', { file: fileName, limit: importLimits.textChars / 1024 / 1024 });
  return prepareDocument(parsed);
}
