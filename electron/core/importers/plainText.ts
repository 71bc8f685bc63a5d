import { AppError } from '../../../shared/api/errors';
import { normalizeImportedText } from '../../../shared/text/codepoints';
import type { Importer } from './types';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** NUL bytes never occur in text; a run of other control characters suggests binary data too. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 9 || (byte > 13 && byte < 32)) control++;
  }
  return control > sample.length * 0.1;
}

export const plainTextImporter: Importer = {
  id: 'text',
  extensions: ['txt', 'md', 'markdown', 'text'],
  parse(bytes, fileName) {
    if (looksBinary(bytes)) throw new AppError('not_text', { file: fileName });
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      throw new AppError('bad_encoding', { file: fileName });
    }
    const normalised = normalizeImportedText(text);
    if (normalised.trim() === '') throw new AppError('empty_file', { file: fileName });
    return { text: normalised };
  },
};
