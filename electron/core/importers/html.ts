import { AppError } from '../../../shared/api/errors';
import { decodeText } from './decodeText';
import { htmlToText } from './htmlToText';
import type { Importer } from './types';

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 512)).replace(/^\ufeff/, '').trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html');
}

export const htmlImporter: Importer = {
  id: 'html',
  extensions: ['html', 'htm', 'xhtml'],
  sniff: looksLikeHtml,
  parse(bytes, fileName) {
    const { encoding, text: markup } = decodeText(bytes, fileName);
    const text = htmlToText(markup);
    if (text.trim() === '') throw new AppError('empty_file', { file: fileName });
    return { text, format: 'html', details: { encoding } };
  },
};
