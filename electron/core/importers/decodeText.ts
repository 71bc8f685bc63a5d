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

/** Share of unlikely characters in the first 16,384 (a regular expression scans it many times faster than a loop over char codes). */
function controlShare(text: string): number {
  const sample = text.slice(0, 16_384);
  if (sample.length === 0) return 0;
  return (sample.match(unlikely)?.length ?? 0) / sample.length;
}

export function decodeText(bytes: Uint8Array, fileName: string): DecodedText {
  let text: string;
  let encoding: string;
  const bom = bomEncoding(bytes);
  if (bom) {
    encoding = bom.encoding;
    text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset + bom.skip, bytes.byteLength - bom.skip), encoding);
  } else if (isUtf8(bytes)) {
    // Checked, then decoded: validating natively and decoding without checks takes half the time of a strict TextDecoder.
    text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    encoding = 'utf-8';
  } else {
    encoding = legacyEncoding(bytes);
    if (!iconv.encodingExists(encoding)) throw new AppError('bad_encoding', { file: fileName });
    text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
  }
  if (controlShare(text) > 0.01) throw new AppError('not_text', { file: fileName });
  const normalized = normalizeImportedText(text);
  // The same string back means nothing was removed.
  return !bom && encoding === 'utf-8' && normalized === text ? { text, encoding, utf8: bytes } : { text: normalized, encoding };
}
