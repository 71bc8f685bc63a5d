/**
 * Tables as CSV that spreadsheets open correctly: papaparse quotes any field
 * holding the delimiter, a quote or a line break. For Excel, a byte-order mark
 * marks the file as UTF-8, `;` is the delimiter Indonesian Excel expects, and
 * a decimal comma is written where the locale reads one.
 */
import Papa from 'papaparse';

export interface CsvOptions {
  delimiter?: ',' | ';' | '\t';
  /** Start with a UTF-8 byte-order mark (Excel needs it to read UTF-8). */
  bom?: boolean;
  decimalComma?: boolean;
}

export type Cell = string | number | boolean | null | undefined;

/**
 * Rows given as arrays in the order of `fields`. Exports of 100,000 codings
 * pass through here, so cells are rewritten only when some need it (true and
 * false as 1 and 0, decimal commas); papaparse writes null as an empty field.
 */
export function csvFromRows(fields: readonly string[], rows: readonly (readonly Cell[])[], options: CsvOptions = {}): string {
  return csvFromRowChunks(fields, [rows], options);
}

/**
 * The same file from rows that come a slice at a time, so that a caller can
 * make each slice's rows, write them and let them go: papaparse quotes each
 * field on its own merits, so slices written apart join into the same file.
 */
export function csvFromRowChunks(fields: readonly string[], chunks: Iterable<readonly (readonly Cell[])[]>, options: CsvOptions = {}): string {
  return [...csvPieces(fields, chunks, options)].join('');
}

/** The file of csvFromRowChunks as pieces, the header first and then one piece per slice of rows, each made only when its turn comes. */
export function* csvPieces(fields: readonly string[], chunks: Iterable<readonly (readonly Cell[])[]>, options: CsvOptions = {}): Generator<string> {
  const delimiter = options.delimiter ?? ',';
  // A decimal comma beside a comma delimiter would split numbers in two.
  const decimalComma = options.decimalComma === true && delimiter !== ',';
  const rewrite = (value: Cell): Cell => {
    if (typeof value === 'boolean') return value ? 1 : 0;
    if (typeof value === 'number' && decimalComma && !Number.isInteger(value)) return String(value).replace('.', ',');
    return value;
  };
  const needsRewrite = (value: Cell) => typeof value === 'boolean' || (decimalComma && typeof value === 'number' && !Number.isInteger(value));
  // Papaparse ends a header with no rows under it with a line break; no file here ends with one.
  yield `${options.bom ? '\ufeff' : ''}${Papa.unparse({ fields: [...fields], data: [] }, { delimiter, newline: '\r\n' }).replace(/\r\n$/, '')}`;
  for (const rows of chunks) {
    if (rows.length === 0) continue;
    const data = rows.some((row) => row.some(needsRewrite)) ? rows.map((row) => row.map(rewrite)) : rows;
    yield `\r\n${Papa.unparse(data as unknown[][], { delimiter, newline: '\r\n' })}`;
  }
}

/** `items` (an array, or anything that makes its slices when asked) a slice of `size` at a time, each made into rows by `rows` only when its turn comes. */
export function* inSlices<T, R>(items: { readonly length: number; slice(from: number, to: number): readonly T[] }, size: number, rows: (slice: readonly T[]) => R[]): Generator<R[]> {
  for (let at = 0; at < items.length; at += size) yield rows(items.slice(at, at + size));
}

/** Rows given as records; `fields` picks and orders the columns. */
export function toCsv(rows: readonly Record<string, Cell>[], options: CsvOptions = {}, fields: readonly string[] = Object.keys(rows[0] ?? {})): string {
  return csvFromRows(
    fields,
    rows.map((row) => fields.map((f) => row[f])),
    options,
  );
}

