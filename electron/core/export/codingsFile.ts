/**
 * The codings CSV, written a thousand rows at a time: each slice of
 * records gets its passages' texts, becomes CSV, is encoded and let go, so
 * that an export of 100,000 codings never holds every passage (and every
 * transcript those passages are cut from) at once, nor the file as one string.
 */
import type { CodingRow } from '../../../shared/model/types';
import { codingCsvCells, codingsCsvColumns } from '../../../shared/csv/codingsCsv';
import { csvPieces, inSlices, type Cell, type CsvOptions } from '../../../shared/csv/table';
import { allCodingRecords, withTexts } from '../handlers/codings';
import type { Project } from '../project';
import { TextPieces } from '../textPieces';

// Small enough that what a slice holds while it is written is little for the young heap's collections to copy (5,000 made exports slower).
const rowsPerSlice = 1_000;

/** Columns after the standard ones, and each row's cells for them. */
export interface ExtraColumns {
  fields: readonly string[];
  cells(row: CodingRow): Cell[];
}

export function codingsCsvFile(project: Project, options: CsvOptions = {}, extra?: ExtraColumns): TextPieces {
  const fields = [...codingsCsvColumns, ...(extra?.fields ?? [])];
  const slices = inSlices(allCodingRecords(project), rowsPerSlice, (slice) =>
    withTexts(project, slice).map((row) => (extra ? [...codingCsvCells(row), ...extra.cells(row)] : codingCsvCells(row))),
  );
  return TextPieces.from(csvPieces(fields, slices, options));
}
