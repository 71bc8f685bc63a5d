/**
 * Positions outside the renderer count Unicode code points (an emoji is one),
 * as REFI-QDA does; JavaScript strings index UTF-16 code units. These helpers
 * convert between the two without ever materialising an array of code points,
 * because documents can hold millions of characters.
 */

/**
 * A surrogate pair. Without the `u` flag the pattern sees UTF-16 units, and
 * the regex engine scans a long transcript many times faster than a loop of
 * charCodeAt calls (the document view builds an index on every open).
 */
const surrogatePair = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** Where each astral character starts, as UTF-16 offsets in ascending order. */
function astralStarts(text: string): number[] {
  const starts: number[] = [];
  surrogatePair.lastIndex = 0;
  for (let match = surrogatePair.exec(text); match; match = surrogatePair.exec(text)) starts.push(match.index);
  return starts;
}

/** Number of code points in `text` (a lone surrogate counts as one). */
export function codePointLength(text: string): number {
  return text.length - astralStarts(text).length;
}

/**
 * Maps between code-point and UTF-16 offsets of one text. Built once per
 * document: it records where each astral character starts, so a conversion is
 * a binary search, and plain-BMP text (the common case) converts for free.
 */
export class CodePointIndex {
  /** UTF-16 offsets of the high surrogate of every astral character, ascending. */
  private readonly astral: number[];
  readonly utf16Length: number;
  readonly length: number;

  /** `astral`: where the astral characters start, when the caller knows already (none, say). */
  constructor(text: string, astral: number[] = astralStarts(text)) {
    this.astral = astral;
    this.utf16Length = text.length;
    this.length = text.length - this.astral.length;
  }

  /** Code-point offset → UTF-16 offset. */
  toUtf16(codePoint: number): number {
    if (this.astral.length === 0) return codePoint;
    // The k-th astral character starts at code point astral[k] - k.
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.astral[mid]! - mid < codePoint) lo = mid + 1;
      else hi = mid;
    }
    return codePoint + lo;
  }

  /**
   * UTF-16 offset → code-point offset. An offset that falls between the two
   * halves of a surrogate pair is moved to the start of that character.
   */
  toCodePoint(utf16: number): number {
    if (this.astral.length === 0) return utf16;
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.astral[mid]! < utf16) lo = mid + 1;
      else hi = mid;
    }
    // lo astral characters start before utf16. An offset inside a pair lands on
    // that character's start, since the pair's low half is one unit past it.
    return utf16 - lo;
  }
}

/** The text between two code-point offsets (end exclusive). */
export function sliceCodePoints(text: string, start: number, end: number, index = new CodePointIndex(text)): string {
  return text.slice(index.toUtf16(start), index.toUtf16(end));
}

/**
 * Text as Tematik stores it: without a byte-order mark and with every line
 * ending as `\n`. Nothing else is changed (no Unicode normalisation), so that
 * what the researcher imported is what they code.
 */
export function normalizeImportedText(raw: string): string {
  const withoutBom = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  // Looking for a carriage return first is four times quicker than a replace that finds none.
  return withoutBom.includes('\r') ? withoutBom.replace(/\r\n?/g, '\n') : withoutBom;
}

/**
 * Code-point offsets of a text's UTF-8 byte offsets: a byte offset less the
 * continuation bytes (10xxxxxx) before it. Only the runs of those are
 * recorded. The bytes are read four at a time, and a group of four words
 * with no high bit set (ASCII, most of a transcript) is passed over at once:
 * 20 ms for 1,000 transcripts, where a pattern scan of the bytes read as
 * Latin-1 took 35.
 */
export class Utf8CodePoints {
  /** Where each run of continuation bytes starts and ends, and how many lie in the runs before it. */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly before: number[] = [];
  /** The text's length in code points. */
  readonly length: number;
  private continuation = 0;

  constructor(bytes: Uint8Array) {
    const n = bytes.length;
    let i = 0;
    // Up to where a 32-bit view of the same memory may start.
    const head = (4 - (bytes.byteOffset & 3)) & 3;
    for (; i < head && i < n; i++) if ((bytes[i]! & 0xc0) === 0x80) this.mark(i);
    const count = i === head ? (n - i) >> 2 : 0;
    const words = count > 0 ? new Int32Array(bytes.buffer, bytes.byteOffset + i, count) : new Int32Array(0);
    for (let k = 0; k < count; k++) {
      if (k + 4 <= count && ((words[k]! | words[k + 1]! | words[k + 2]! | words[k + 3]!) & 0x80808080) === 0) {
        k += 3;
        continue;
      }
      if ((words[k]! & 0x80808080) === 0) continue;
      const at = i + k * 4;
      for (let j = at; j < at + 4; j++) if ((bytes[j]! & 0xc0) === 0x80) this.mark(j);
    }
    for (i += count * 4; i < n; i++) if ((bytes[i]! & 0xc0) === 0x80) this.mark(i);
    this.length = n - this.continuation;
  }

  /** A continuation byte: it lengthens the run that ends where it is, or starts one. */
  private mark(at: number): void {
    const last = this.ends.length - 1;
    if (last >= 0 && this.ends[last] === at) this.ends[last] = at + 1;
    else {
      this.starts.push(at);
      this.ends.push(at + 1);
      this.before.push(this.continuation);
    }
    this.continuation++;
  }

  /** How many runs start before the offset last asked for: offsets are mostly asked for in order. */
  private runsBefore = 0;

  /** The code-point offset of a byte offset. */
  at(byte: number): number {
    let lo = this.runsBefore;
    if (lo > 0 && this.starts[lo - 1]! >= byte) {
      // Back: a binary search from the first run.
      let hi = lo;
      lo = 0;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (this.starts[mid]! < byte) lo = mid + 1;
        else hi = mid;
      }
    }
    while (lo < this.starts.length && this.starts[lo]! < byte) lo++;
    this.runsBefore = lo;
    // The runs starting before the offset: all their bytes count, but for any part of the last lying beyond it.
    if (lo === 0) return byte;
    const last = lo - 1;
    return byte - (this.before[last]! + Math.min(this.ends[last]!, byte) - this.starts[last]!);
  }
}
