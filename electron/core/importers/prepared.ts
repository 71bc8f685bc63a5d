/**
 * A parsed file made ready to write: everything about it that needs no
 * project — the text's UTF-8, its hash, its length and its speaker turns in
 * code points — worked out before any write, so that the writer only binds
 * values (the text as the bytes it is stored as, never encoded again).
 */
import { AppError } from '../../../shared/api/errors';
import { CodePointIndex } from '../../../shared/text/codepoints';
import { detectSpeakerTurns } from '../../../shared/text/speakers';
import { contentHash } from './contentHash';
import { chooseImporter } from './registry';
import { importLimits, type ParsedDocument } from './types';

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

/** Whether UTF-8 holds a character beyond the BMP: a lead byte F0–F4, found natively (memchr) rather than by scanning the string for surrogate pairs. */
function hasFourByteSequence(utf8: Uint8Array): boolean {
  const bytes = Buffer.from(utf8.buffer, utf8.byteOffset, utf8.byteLength);
  return [0xf0, 0xf1, 0xf2, 0xf3, 0xf4].some((lead) => bytes.includes(lead));
}

export function prepareDocument(parsed: ParsedDocument, hash?: string): PreparedDocument {
  const utf8 = parsed.utf8 ?? Buffer.from(parsed.text, 'utf8');
  const index = new CodePointIndex(parsed.text, parsed.utf8 && !hasFourByteSequence(parsed.utf8) ? [] : undefined);
  // Turns the format marks (subtitle cues), or else those found in the text.
  const found =
    parsed.turns ??
    detectSpeakerTurns(parsed.text).map((t) => ({ speaker: t.speaker, start: t.start, contentStart: t.contentStart, end: t.end, timeStartMs: t.timeMs, timeEndMs: null }));
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
    turns[i * 4 + 1] = index.toCodePoint(turn.start);
    turns[i * 4 + 2] = index.toCodePoint(turn.contentStart);
    turns[i * 4 + 3] = index.toCodePoint(turn.end);
    times[i * 2] = turn.timeStartMs ?? NaN;
    times[i * 2 + 1] = turn.timeEndMs ?? NaN;
  });
  return { utf8, format: parsed.format, details: parsed.details, hash: hash ?? contentHash(utf8), length: index.length, speakers, turns, times };
}

/** A file's bytes read by its importer, checked against the size limit, and prepared. */
export async function prepareFile(fileName: string, bytes: Uint8Array): Promise<PreparedDocument> {
  const parsed = await chooseImporter(fileName, bytes).parse(bytes, fileName);
  if (parsed.text.length > importLimits.textChars) throw new AppError('file_too_large', { file: fileName, limit: importLimits.textChars / 1024 / 1024 });
  return prepareDocument(parsed);
}
