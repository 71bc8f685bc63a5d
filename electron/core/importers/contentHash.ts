import { createHash } from 'node:crypto';

/** Of the text, or of its UTF-8: the same hash. */
export function contentHash(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}
