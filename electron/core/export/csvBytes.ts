/**
 * CSV written straight into UTF-8 buffers, for the files of every coding
 * (100,000 rows and 25 MB at research-group scale). Each passage is copied
 * from its transcript's stored bytes instead of being decoded into a string
 * and encoded again, which took half of such an export. Fields are quoted
 * and escaped exactly as papaparse's unparse does for the rest of the
 * exports (shared/csv/table.ts), so that all the files of a dataset read
 * alike; a test holds the two to the same bytes.
 */
import type { Cell, CsvOptions } from '../../../shared/csv/table';

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const SPACE = 0x20;
/** U+FEFF in UTF-8. */
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const chunkBytes = 256 * 1024;

/** What papaparse quotes: a line break, a quote, a byte-order mark or the delimiter inside, or a space at either end. */
function needsQuotes(text: string, delimiter: string): boolean {
  return /[\r\n"\ufeff]/.test(text) || text.includes(delimiter) || text.startsWith(' ') || text.endsWith(' ');
}

/** The cell as written: in quotes, its quotes doubled, when papaparse would quote it. */
function quoted(text: string, delimiter: string): string {
  return needsQuotes(text, delimiter) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Cells up to this many characters are kept encoded, up to this many of them. */
const shortText = 80;
const maxShort = 20_000;

export class CsvByteWriter {
  private readonly pieces: Buffer[] = [];
  private readonly short = new Map<string, Buffer>();
  private chunk = Buffer.allocUnsafe(chunkBytes);
  private at = 0;
  private cellsInRow = 0;
  private rows = 0;
  private readonly delimiter: string;
  private readonly delimiterByte: number;
  private readonly decimalComma: boolean;

  constructor(options: CsvOptions = {}) {
    this.delimiter = options.delimiter ?? ',';
    this.delimiterByte = this.delimiter.charCodeAt(0);
    // A decimal comma beside a comma delimiter would split numbers in two.
    this.decimalComma = options.decimalComma === true && this.delimiter !== ',';
    if (options.bom) this.raw(Buffer.from([0xef, 0xbb, 0xbf]), 0, 3);
  }

  /** One row of cells; the row ends with the next call or with `done`. */
  row(cells: readonly Cell[]): void {
    this.startRow();
    for (const cell of cells) this.cell(cell);
  }

  startRow(): void {
    if (this.rows > 0) {
      this.room(2);
      this.chunk[this.at++] = CR;
      this.chunk[this.at++] = LF;
    }
    this.rows++;
    this.cellsInRow = 0;
  }

  cell(value: Cell): void {
    this.separate();
    if (value === null || value === undefined || value === '') return;
    if (typeof value === 'boolean') return this.text(value ? '1' : '0');
    if (typeof value === 'number') {
      if (Number.isSafeInteger(value) && value >= 0) return this.digits(value);
      return this.text(this.decimalComma && !Number.isInteger(value) ? String(value).replace('.', ',') : String(value));
    }
    // Names (of documents, codes, coders, speakers) come again and again: each is quoted and encoded once.
    if (value.length <= shortText) {
      let bytes = this.short.get(value);
      if (!bytes) {
        bytes = Buffer.from(quoted(value, this.delimiter));
        if (this.short.size < maxShort) this.short.set(value, bytes);
      }
      return this.raw(bytes, 0, bytes.length);
    }
    this.text(value);
  }

  /**
   * A cell whose text is bytes[from, to) of UTF-8, copied as it is. The
   * bytes are searched natively (memchr) rather than looked at one by one in
   * a loop of ours: an export does this once, with its code still cold.
   */
  bytesCell(bytes: Buffer, from: number, to: number): void {
    this.separate();
    const view = bytes.subarray(from, to);
    let quote = view.indexOf(QUOTE);
    const mustQuote =
      quote >= 0 ||
      (view.length > 0 && (view[0] === SPACE || view[view.length - 1] === SPACE)) ||
      view.indexOf(this.delimiterByte) >= 0 ||
      view.indexOf(LF) >= 0 ||
      view.indexOf(CR) >= 0 ||
      view.indexOf(BOM) >= 0;
    if (!mustQuote) return this.raw(bytes, from, to);
    let quotes = 0;
    for (let at = quote; at >= 0; at = view.indexOf(QUOTE, at + 1)) quotes++;
    this.room(view.length + quotes + 2);
    this.chunk[this.at++] = QUOTE;
    let run = 0;
    for (; quote >= 0; quote = view.indexOf(QUOTE, quote + 1)) {
      // Each quote is doubled: the run up to and with it, then one more.
      this.at += view.copy(this.chunk, this.at, run, quote + 1);
      this.chunk[this.at++] = QUOTE;
      run = quote + 1;
    }
    this.at += view.copy(this.chunk, this.at, run);
    this.chunk[this.at++] = QUOTE;
  }

  /** The file so far as UTF-8 pieces; the writer is spent. */
  done(): Buffer[] {
    if (this.at > 0) this.pieces.push(this.chunk.subarray(0, this.at));
    this.at = 0;
    return this.pieces;
  }

  private separate(): void {
    if (this.cellsInRow++ === 0) return;
    this.room(1);
    this.chunk[this.at++] = this.delimiterByte;
  }

  /** A whole number of zero or more, written digit by digit: no string is made for it. */
  private digits(value: number): void {
    let width = 1;
    for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) width++;
    this.room(width);
    for (let at = this.at + width - 1, rest = value; at >= this.at; at--, rest = Math.floor(rest / 10)) this.chunk[at] = 0x30 + (rest % 10);
    this.at += width;
  }

  private text(text: string): void {
    const out = quoted(text, this.delimiter);
    // At most three bytes of UTF-8 for each UTF-16 unit.
    this.room(out.length * 3);
    this.at += this.chunk.write(out, this.at, 'utf8');
  }

  private raw(bytes: Buffer, from: number, to: number): void {
    this.room(to - from);
    this.at += bytes.copy(this.chunk, this.at, from, to);
  }

  /** Makes room for `bytes` more: the full part of the chunk becomes a piece, and a new chunk (bigger if need be) takes its place. */
  private room(bytes: number): void {
    if (this.at + bytes <= this.chunk.length) return;
    if (this.at > 0) this.pieces.push(this.chunk.subarray(0, this.at));
    this.chunk = Buffer.allocUnsafe(Math.max(chunkBytes, bytes));
    this.at = 0;
  }
}
