import type { CodingRow } from '../model/types';
import type { Cell } from './table';

export const codingsCsvColumns = ['document', 'code', 'start', 'end', 'text', 'coder', 'created_at', 'memo', 'speaker', 'timestamp'] as const;

/**
 * One coding's cells, in the order of `codingsCsvColumns`, with `text` in
 * the text's place: the passage itself, or whatever stands for it in a
 * writer that copies it from elsewhere.
 */
export function codingCsvCells<T = string>(r: Omit<CodingRow, 'text' | 'id'>, text: T): (Cell | T)[] {
  return [r.document, r.code, r.start, r.end, text, r.coder, r.createdAt, r.memo ?? '', r.speaker ?? '', r.timestamp ?? ''];
}
