import { AppError } from '../../../shared/api/errors';
import { decodeText, isBlank } from './decodeText';
import type { Importer } from './types';

export const plainTextImporter: Importer = {
  id: 'text',
  extensions: ['txt', 'md', 'markdown', 'text'],
  parse(bytes, fileName) {
    const decoded = decodeText(bytes, fileName);
    if (isBlank(decoded)) throw new AppError('empty_file', { file: fileName });
    // The text passed on as the decoder gives it: a string only when read (see decodeUtf8).
    return {
      format: 'text',
      details: { encoding: decoded.encoding },
      utf8: decoded.utf8,
      get text() {
        return decoded.text;
      },
    };
  },
};
