import Papa from 'papaparse';
import type { CodingRow } from '../model/types';

export const codingsCsvColumns = ['document', 'code', 'start', 'end', 'text', 'coder', 'created_at', 'memo', 'speaker', 'timestamp'] as const;

/**
 * One row per coding, with the speaker and cue time of the turn it starts in. Papaparse quotes every field that holds a delimiter,
 * quote or line break, so transcript text survives a round trip.
 */
export function codingsToCsv(rows: readonly CodingRow[]): string {
  return Papa.unparse(
    {
      fields: [...codingsCsvColumns],
      data: rows.map((r) => [r.document, r.code, r.start, r.end, r.text, r.coder, r.createdAt, r.memo ?? '', r.speaker ?? '', r.timestamp ?? '']),
    },
    { newline: '\r\n' },
  );
}
