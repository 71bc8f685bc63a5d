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

type Cell = string | number | boolean | null | undefined;

export function toCsv(rows: readonly Record<string, Cell>[], options: CsvOptions = {}, fields: readonly string[] = Object.keys(rows[0] ?? {})): string {
  const delimiter = options.delimiter ?? ',';
  // A decimal comma beside a comma delimiter would split numbers in two.
  const decimalComma = options.decimalComma === true && delimiter !== ',';
  const cell = (value: Cell): string | number => {
    if (value === null || value === undefined) return '';
    if (typeof value === 'boolean') return value ? 1 : 0;
    if (typeof value === 'number' && decimalComma && !Number.isInteger(value)) return String(value).replace('.', ',');
    return value;
  };
  const body = Papa.unparse({ fields: [...fields], data: rows.map((row) => fields.map((f) => cell(row[f]))) }, { delimiter, newline: '\r\n' });
  return `${options.bom ? '\ufeff' : ''}${body}`;
}
