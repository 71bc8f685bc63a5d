/**
 * Turning the bytes of a text file into a string, whatever its encoding: a
 * byte-order mark decides first (UTF-8, UTF-16 LE/BE); then strict UTF-8;
 * then chardet's guess, decoded with iconv-lite. Latin-1 guesses are read as
 * Windows-1252, its superset, so the curly quotes and dashes that Windows
 * machines write arrive as the same characters.
 */
import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { AppError } from '../../../shared/api/errors';
import { normalizeImportedText } from '../../../shared/text/codepoints';

export interface DecodedText {
  text: string;
  encoding: string;
  /** The bytes themselves, when the text is exactly their UTF-8 (see ParsedDocument). */
  utf8?: Uint8Array;
}

function bomEncoding(bytes: Uint8Array): { encoding: string; skip: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  return null;
}

/** Single-byte code pages for Latin script; chardet tells them apart with European language models. */
const latinCodePages = /^(ascii|windows-125[0247-8]|iso-8859-(1|2|3|4|9|10|13|14|15|16))$/;

/**
 * The encoding of a file that is not UTF-8. chardet ranks Latin code pages by
 * how Turkish, Hungarian or Swedish the text looks, which says little about
 * Indonesian or English transcripts: for any Latin guess we read Windows-1252,
 * what Windows machines in Indonesia write. Non-Latin guesses (Cyrillic,
 * CJK, UTF-16 without a mark) are trusted.
 */
function legacyEncoding(bytes: Uint8Array): string {
  const top = chardet.analyse(bytes)[0];
  const name = top?.name.toLowerCase() ?? 'windows-1252';
  return latinCodePages.test(name) ? 'windows-1252' : name;
}

/** Characters that no text contains: C0 controls other than tab, line and page breaks; DEL; U+FFFD. */
const unlikely = /[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]/g;

const sampleLength = 16_384;

/** Share of unlikely characters in the first 16,384 (a regular expression scans it many times faster than a loop over char codes). */
export function controlShare(text: string): number {
  const sample = text.slice(0, sampleLength);
  if (sample.length === 0) return 0;
  return (sample.match(unlikely)?.length ?? 0) / sample.length;
}

/** Four ASCII bytes, none of them a control character or DEL (each test is exact for the word as a whole). */
const plainWord = (w: number) => (w & 0x80808080) === 0 && ((w - 0x20202020) & ~w & 0x80808080) === 0 && (((w ^ 0x7f7f7f7f) - 0x01010101) & ~(w ^ 0x7f7f7f7f) & 0x80808080) === 0;

/**
 * `controlShare` of the text that valid UTF-8 encodes, read from the bytes:
 * the first 16,384 UTF-16 units as decoding would count them (a character
 * beyond the BMP is two), a control character or DEL being one byte and
 * U+FFFD three. Four bytes at a time when they are plain ASCII: decoding the
 * sample took twice as long as finding speaker turns in the whole text.
 */
export function controlShareOfUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  const head = (4 - (bytes.byteOffset & 3)) & 3;
  const words = n >= head + 4 ? new Int32Array(bytes.buffer, bytes.byteOffset + head, (n - head) >> 2) : new Int32Array(0);
  let units = 0;
  let found = 0;
  let i = 0;
  while (i < n && units < sampleLength) {
    if (i >= head && ((i - head) & 3) === 0 && i + 4 <= n && units + 4 <= sampleLength && plainWord(words[(i - head) >> 2]!)) {
      units += 4;
      i += 4;
      continue;
    }
    const byte = bytes[i]!;
    if (byte < 0x80) {
      units++;
      if (byte === 0x7f || (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d)) found++;
    } else if (byte >= 0xc0) {
      units += byte >= 0xf0 ? 2 : 1;
      if (byte === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) found++;
    }
    i++;
  }
  return units === 0 ? 0 : found / Math.min(units, sampleLength);
}

export function decodeText(bytes: Uint8Array, fileName: string): DecodedText {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = bomEncoding(bytes);
  // Checked natively, and decoded only if need be (see decodeUtf8).
  if (!bom && isUtf8(bytes)) return decodeUtf8(buffer, fileName);
  let text: string;
  let encoding: string;
  if (bom) {
    encoding = bom.encoding;
    text = iconv.decode(buffer.subarray(bom.skip), encoding);
  } else {
    encoding = legacyEncoding(bytes);
    if (!iconv.encodingExists(encoding)) throw new AppError('bad_encoding', { file: fileName });
    text = iconv.decode(buffer, encoding);
  }
  if (controlShare(text) > 0.01) throw new AppError('not_text', { file: fileName });
  return { text: normalizeImportedText(text), encoding };
}

/**
 * Strict UTF-8 without a byte-order mark. Without carriage returns the text
 * is exactly these bytes, which are what gets stored, hashed and searched
 * for speaker labels (prepared.ts): the string is made only if something
 * reads `text`.
 */
function decodeUtf8(buffer: Buffer, fileName: string): DecodedText {
  if (controlShareOfUtf8(buffer) > 0.01) throw new AppError('not_text', { file: fileName });
  if (buffer.includes(0x0d)) return { text: normalizeImportedText(buffer.toString('utf8')), encoding: 'utf-8' };
  let text: string | undefined;
  return {
    encoding: 'utf-8',
    utf8: buffer,
    get text() {
      return (text ??= buffer.toString('utf8'));
    },
  };
}

/** Whether the text is only white space, read from its UTF-8 where there is one: its first byte that is not ASCII white space tells, unless it begins a wider character. */
export function isBlank(decoded: DecodedText): boolean {
  if (!decoded.utf8) return decoded.text.trim() === '';
  for (const byte of decoded.utf8) {
    if (byte === 0x20 || (byte >= 0x09 && byte <= 0x0d)) continue;
    return byte < 0x80 ? false : decoded.text.trim() === '';
  }
  return true;
}
