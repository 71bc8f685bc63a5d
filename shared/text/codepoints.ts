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
 * Code-point offsets of a text's UTF-8 byte offsets, `bytes` holding one
 * character per byte (Latin-1): a byte offset less the continuation bytes
 * (10xxxxxx) before it. Only the runs of those are recorded, so text that is
 * mostly ASCII costs one pattern scan.
 */
export class Utf8CodePoints {
  /** Where each run of continuation bytes starts and ends, and how many lie in the runs before it. */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly before: number[] = [];
  /** The text's length in code points. */
  readonly length: number;

  constructor(bytes: string) {
    const runs = /[\x80-\xbf]+/g;
    let continuation = 0;
    for (let run = runs.exec(bytes); run; run = runs.exec(bytes)) {
      this.starts.push(run.index);
      this.ends.push(run.index + run[0].length);
      this.before.push(continuation);
      continuation += run[0].length;
    }
    this.length = bytes.length - continuation;
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
