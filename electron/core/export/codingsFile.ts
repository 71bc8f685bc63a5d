/**
 * The codings CSV, written a few thousand rows at a time: each slice of
 * records gets its passages' texts, becomes CSV and is let go, so that an
 * export of 100,000 codings never holds every passage (and every transcript
 * those passages are cut from) at once.
 */
import type { CodingRow } from '../../../shared/model/types';
import { codingCsvCells, codingsCsvColumns } from '../../../shared/csv/codingsCsv';
import { csvFromRowChunks, inSlices, type Cell, type CsvOptions } from '../../../shared/csv/table';
import { codingRecords, withTexts, type CodingRecord } from '../handlers/codings';
import type { Project } from '../project';

const rowsPerSlice = 5_000;

/** Columns after the standard ones, and each row's cells for them. */
export interface ExtraColumns {
  fields: readonly string[];
  cells(row: CodingRow): Cell[];
}

export function codingsCsvFile(project: Project, records: readonly CodingRecord[] = codingRecords(project, {}), options: CsvOptions = {}, extra?: ExtraColumns): string {
  const fields = [...codingsCsvColumns, ...(extra?.fields ?? [])];
  const slices = inSlices(records, rowsPerSlice, (slice) => withTexts(project, slice).map((row) => (extra ? [...codingCsvCells(row), ...extra.cells(row)] : codingCsvCells(row))));
  return csvFromRowChunks(fields, slices, options);
}
