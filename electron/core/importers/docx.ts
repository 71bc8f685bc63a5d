/**
 * Word .docx through mammoth: paragraphs, line breaks and tables kept (via
 * mammoth's HTML), bold speaker labels arriving as plain `Name:` labels.
 * The container is inflated under limits first (zipGuard).
 */
import mammoth from 'mammoth';
import { AppError } from '../../../shared/api/errors';
import { normalizeImportedText } from '../../../shared/text/codepoints';
import { htmlToText } from './htmlToText';
import { isOle, isZip } from './sniff';
import type { Importer } from './types';
import { checkUnpackedSize } from './zipGuard';

function containsAscii(bytes: Uint8Array, needle: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle, 0, 'latin1');
}

export const docxImporter: Importer = {
  id: 'docx',
  extensions: ['docx'],
  sniff: (bytes) => isZip(bytes) && containsAscii(bytes, 'word/document.xml'),
  async parse(bytes, fileName) {
    if (isOle(bytes)) throw new AppError('legacy_doc', { file: fileName });
    if (!isZip(bytes)) throw new AppError('corrupt_file', { file: fileName, format: 'Word (.docx)', detail: 'not a zip container' });
    const names = checkUnpackedSize(bytes, fileName, 'Word (.docx)');
    if (!names.includes('word/document.xml')) throw new AppError('corrupt_file', { file: fileName, format: 'Word (.docx)', detail: 'word/document.xml is missing' });
    let html: string;
    try {
      html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })).value;
    } catch (error) {
      throw new AppError('corrupt_file', { file: fileName, format: 'Word (.docx)', detail: (error as Error).message });
    }
    const text = normalizeImportedText(htmlToText(html));
    if (text.trim() === '') throw new AppError('empty_file', { file: fileName });
    return { text, format: 'docx', details: {} };
  },
};

/** Formats we recognise but cannot read: refused with what to do instead. */
export const legacyDocImporter: Importer = {
  id: 'doc',
  extensions: ['doc'],
  sniff: isOle,
  parse(_bytes, fileName) {
    throw new AppError('legacy_doc', { file: fileName });
  },
};
