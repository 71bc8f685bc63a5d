/**
 * The codings CSV, written straight into UTF-8 pieces (see csvBytes.ts):
 * records are made a thousand at a time, each passage is copied from its
 * transcript's stored bytes, so that an export of 100,000 codings never
 * holds every passage (or every transcript), nor the file as one string.
 */
import { codingCsvCells, codingsCsvColumns } from '../../../shared/csv/codingsCsv';
import type { Cell, CsvOptions } from '../../../shared/csv/table';
import { allCodingRecords, type CodingRecord } from '../handlers/codings';
import type { Project } from '../project';
import { PassageCutter } from '../store/passageBytes';
import { FilePieces } from '../filePieces';
import { CsvByteWriter } from './csvBytes';

const recordsPerSlice = 1_000;
/** Stands for the passage among a row's cells: its text is copied from the transcript's bytes. */
const passage = Symbol('passage');

/** Columns after the standard ones, and each row's cells for them. */
export interface ExtraColumns {
  fields: readonly string[];
  cells(record: CodingRecord): Cell[];
}

export function codingsCsvFile(project: Project, options: CsvOptions = {}, extra?: ExtraColumns): FilePieces {
  const csv = new CsvByteWriter(options);
  csv.row([...codingsCsvColumns, ...(extra?.fields ?? [])]);
  const records = allCodingRecords(project);
  const passages = new PassageCutter(project);
  for (let at = 0; at < records.length; at += recordsPerSlice) {
    for (const r of records.slice(at, at + recordsPerSlice)) {
      csv.startRow();
      for (const cell of codingCsvCells(r, passage)) {
        if (cell !== passage) {
          csv.cell(cell);
          continue;
        }
        const { bytes, from, to } = passages.cutBytes(r.documentId, r.start, r.end);
        csv.bytesCell(bytes, from, to);
      }
      if (extra) for (const cell of extra.cells(r)) csv.cell(cell);
    }
  }
  return FilePieces.of(csv.done());
}
