/**
 * Turning the bytes of a text file into a string, whatever its encoding: a
 * byte-order mark decides first (UTF-8, UTF-16 LE/BE); then strict UTF-8;
 * then chardet's guess, decoded with iconv-lite. Latin-1 guesses are read as
 * Windows-1252, its superset, so the curly quotes and dashes that Windows
 * machines write arrive as the same characters.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { AppError } from '../../../shared/api/errors';
import { normalizeImportedText } from '../../../shared/text/codepoints';

export interface DecodedText {
  text: string;
  encoding: string;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function bomEncoding(bytes: Uint8Array): { encoding: string; skip: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  return null;
}

function legacyName(detected: string): string {
  const name = detected.toLowerCase();
  if (name === 'iso-8859-1' || name === 'windows-1252' || name === 'ascii') return 'windows-1252';
  return name;
}

/** Share of characters that no text contains (C0 controls other than tab and line breaks, U+FFFD). */
function controlShare(text: string): number {
  const sample = text.slice(0, 16_384);
  if (sample.length === 0) return 0;
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd || c === 0x7f) bad++;
  }
  return bad / sample.length;
}

export function decodeText(bytes: Uint8Array, fileName: string): DecodedText {
  let text: string;
  let encoding: string;
  const bom = bomEncoding(bytes);
  if (bom) {
    encoding = bom.encoding;
    text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset + bom.skip, bytes.byteLength - bom.skip), encoding);
  } else {
    try {
      text = strictUtf8.decode(bytes);
      encoding = 'utf-8';
    } catch {
      const guess = chardet.detect(bytes);
      encoding = guess ? legacyName(guess) : 'windows-1252';
      if (!iconv.encodingExists(encoding)) throw new AppError('bad_encoding', { file: fileName });
      text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
    }
  }
  if (controlShare(text) > 0.01) throw new AppError('not_text', { file: fileName });
  return { text: normalizeImportedText(text), encoding };
}
