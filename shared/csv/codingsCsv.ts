import type { CodingRow } from '../model/types';
import type { Cell } from './table';

export const codingsCsvColumns = ['document', 'code', 'start', 'end', 'text', 'coder', 'created_at', 'memo', 'speaker', 'timestamp'] as const;

/** One coding's cells, in the order of `codingsCsvColumns`. */
export function codingCsvCells(r: CodingRow): Cell[] {
  return [r.document, r.code, r.start, r.end, r.text, r.coder, r.createdAt, r.memo ?? '', r.speaker ?? '', r.timestamp ?? ''];
}
