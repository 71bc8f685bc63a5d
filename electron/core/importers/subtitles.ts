/**
 * WebVTT and SRT transcripts (subtitle's parser). Each cue becomes a turn with
 * its start and end time; the speaker comes from a `<v Name>` voice tag or a
 * `Name:` prefix; consecutive cues of one speaker join into one turn. The time
 * stamp is written into the text (`[00:01:02] Name: …`) so that it stays
 * visible wherever the text goes, and kept on the turn for exports.
 */
import { parseSync, type NodeCue } from 'subtitle';
import { AppError } from '../../../shared/api/errors';
import { formatTimestamp } from '../../../shared/text/speakers';
import { decodeText } from './decodeText';
import { htmlToText } from './htmlToText';
import type { Importer, ParsedTurn } from './types';

const voiceTag = /<v(?:\.[^\s>]+)?\s+([^>]+)>/i;
const prefix = /^([\p{L}][\p{L}\p{M}\p{N} .'’()-]{0,59}):\s+/u;

interface Cue {
  speaker: string | null;
  text: string;
  start: number;
  end: number;
}

function readCue(cue: NodeCue['data']): Cue {
  const voice = voiceTag.exec(cue.text)?.[1]?.trim() ?? null;
  // Cue text may carry <i>, <b>, <c.class> and entities: read it as markup.
  let text = htmlToText(cue.text.replace(/\n/g, '<br>')).replace(/\s*\n\s*/g, ' ').trim();
  let speaker = voice;
  if (!speaker) {
    const match = prefix.exec(text);
    if (match) {
      speaker = match[1]!.trim();
      text = text.slice(match[0].length);
    }
  }
  return { speaker, text, start: cue.start, end: cue.end };
}

function parseSubtitles(bytes: Uint8Array, fileName: string, format: 'vtt' | 'srt') {
  const { text: source, encoding } = decodeText(bytes, fileName);
  let cues: Cue[];
  try {
    cues = parseSync(source)
      .filter((node): node is NodeCue => node.type === 'cue')
      .map((node) => readCue(node.data))
      .filter((cue) => cue.text !== '');
  } catch (error) {
    throw new AppError('corrupt_file', { file: fileName, format: format.toUpperCase(), detail: (error as Error).message });
  }
  if (cues.length === 0) throw new AppError('empty_file', { file: fileName });

  // Join consecutive cues of one speaker into one turn.
  const merged: Cue[] = [];
  for (const cue of cues) {
    const last = merged[merged.length - 1];
    if (last && cue.speaker !== null && last.speaker === cue.speaker) {
      last.text += ` ${cue.text}`;
      last.end = cue.end;
    } else merged.push({ ...cue });
  }

  let text = '';
  const turns: ParsedTurn[] = [];
  for (const cue of merged) {
    if (text) text += '\n';
    const start = text.length;
    const label = `[${formatTimestamp(cue.start)}] ${cue.speaker ? `${cue.speaker}: ` : ''}`;
    text += label + cue.text;
    if (cue.speaker) turns.push({ speaker: cue.speaker, start, contentStart: start + label.length, end: text.length, timeStartMs: cue.start, timeEndMs: cue.end });
  }
  return { text, format, details: { encoding, cues: cues.length }, turns };
}

export const vttImporter: Importer = {
  id: 'vtt',
  extensions: ['vtt'],
  sniff: (bytes) => /^(\ufeff)?WEBVTT/.test(new TextDecoder().decode(bytes.subarray(0, 16))),
  parse: (bytes, fileName) => parseSubtitles(bytes, fileName, 'vtt'),
};

export const srtImporter: Importer = {
  id: 'srt',
  extensions: ['srt'],
  sniff: (bytes) => /^(\ufeff)?\s*\d+\s*\r?\n\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->/.test(new TextDecoder().decode(bytes.subarray(0, 200))),
  parse: (bytes, fileName) => parseSubtitles(bytes, fileName, 'srt'),
};
