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
 * Rows given as arrays in the order of `fields`. Cells are rewritten only
 * when some need it (true and false as 1 and 0, decimal commas); papaparse
 * writes null as an empty field. The files of every coding are written as
 * bytes instead, with the same quoting (electron/core/export/csvBytes.ts).
 */
export function csvFromRows(fields: readonly string[], rows: readonly (readonly Cell[])[], options: CsvOptions = {}): string {
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
  const header = Papa.unparse({ fields: [...fields], data: [] }, { delimiter, newline: '\r\n' }).replace(/\r\n$/, '');
  const data = rows.some((row) => row.some(needsRewrite)) ? rows.map((row) => row.map(rewrite)) : rows;
  const body = rows.length > 0 ? `\r\n${Papa.unparse(data as unknown[][], { delimiter, newline: '\r\n' })}` : '';
  return `${options.bom ? '\ufeff' : ''}${header}${body}`;
}

/** Rows given as records; `fields` picks and orders the columns. */
export function toCsv(rows: readonly Record<string, Cell>[], options: CsvOptions = {}, fields: readonly string[] = Object.keys(rows[0] ?? {})): string {
  return csvFromRows(
    fields,
    rows.map((row) => fields.map((f) => row[f])),
    options,
  );
}

