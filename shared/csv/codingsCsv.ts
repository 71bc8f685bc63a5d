import type { CodingRow } from '../model/types';
import { csvFromRows, type Cell, type CsvOptions } from './table';

export const codingsCsvColumns = ['document', 'code', 'start', 'end', 'text', 'coder', 'created_at', 'memo', 'speaker', 'timestamp'] as const;

/** One coding's cells, in the order of `codingsCsvColumns`. */
export function codingCsvCells(r: CodingRow): Cell[] {
  return [r.document, r.code, r.start, r.end, r.text, r.coder, r.createdAt, r.memo ?? '', r.speaker ?? '', r.timestamp ?? ''];
}

/**
 * One row per coding, with the speaker and cue time of the turn it starts in.
 * Every field holding a delimiter, quote or line break is quoted, so
 * transcript text survives a round trip.
 */
export function codingsToCsv(rows: readonly CodingRow[], options: CsvOptions = {}): string {
  return csvFromRows(codingsCsvColumns, rows.map(codingCsvCells), options);
}
