import { AppError } from '../../../shared/api/errors';
import { decodeText } from './decodeText';
import type { Importer } from './types';

export const plainTextImporter: Importer = {
  id: 'text',
  extensions: ['txt', 'md', 'markdown', 'text'],
  parse(bytes, fileName) {
    const { text, encoding, utf8 } = decodeText(bytes, fileName);
    if (text.trim() === '') throw new AppError('empty_file', { file: fileName });
    return { text, format: 'text', details: { encoding }, utf8 };
  },
};
