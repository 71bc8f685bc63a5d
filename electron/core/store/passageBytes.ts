/**
 * Passages cut from their transcript's stored UTF-8 bytes instead of from
 * the transcript as a string. An export reads every transcript (50 MB for a
 * thousand): as strings they are twice that, made on the young heap and
 * copied out of it by every collection while their passages are in use,
 * which took most of an export's time. As bytes they sit outside the heap,
 * and only the passages become strings. Offsets are code points; a walk
 * over the bytes from the last place asked for turns them into byte offsets,
 * so passages asked for in order of their start walk each document once.
 */
import type { Project } from '../project';

/** Bytes of the UTF-8 sequence that starts with `lead`. */
const sequenceLength = (lead: number) => (lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4);

export class PassageCutter {
  private documentId = -1;
  private bytes: Buffer = Buffer.alloc(0);
  /** Where the walk has got to in the current document: a code-point offset and its byte offset. */
  private codePoint = 0;
  private byte = 0;
  /** One byte per code point (ASCII): offsets are the same in both, and no walk is needed. */
  private ascii = false;

  constructor(private readonly project: Project) {}

  /** The text between two code-point offsets (end exclusive) of a document. */
  cut(documentId: number, start: number, end: number): string {
    const { bytes, from, to } = this.cutBytes(documentId, start, end);
    return bytes.toString('utf8', from, to);
  }

  /** The same passage as a range of the document's UTF-8 bytes, good until the next cut from another document. */
  cutBytes(documentId: number, start: number, end: number): { bytes: Buffer; from: number; to: number } {
    if (documentId !== this.documentId) this.load(documentId);
    this.seek(start);
    return { bytes: this.bytes, from: this.byte, to: this.forward(this.byte, end - start) };
  }

  /** Moves the walk to a code-point offset, back or on from where it is. */
  private seek(codePoint: number): void {
    if (this.ascii) {
      this.byte = Math.min(codePoint, this.bytes.length);
      this.codePoint = codePoint;
      return;
    }
    if (codePoint >= this.codePoint) {
      this.byte = this.forward(this.byte, codePoint - this.codePoint);
      this.codePoint = codePoint;
      return;
    }
    const bytes = this.bytes;
    let at = this.byte;
    for (let n = this.codePoint; n > codePoint && at > 0; n--) {
      at--;
      // Back over continuation bytes (10xxxxxx) to the start of the character.
      while (at > 0 && (bytes[at]! & 0xc0) === 0x80) at--;
    }
    this.byte = at;
    this.codePoint = codePoint;
  }

  private load(documentId: number): void {
    const row = this.project.stmt('SELECT CAST(text AS BLOB), length FROM documents WHERE id = ?').raw(true).get(documentId) as [Buffer, number] | undefined;
    this.documentId = documentId;
    this.bytes = row?.[0] ?? Buffer.alloc(0);
    this.ascii = row !== undefined && row[0].length === row[1];
    this.codePoint = 0;
    this.byte = 0;
  }

  /** The byte offset `codePoints` code points on from byte offset `from`. */
  private forward(from: number, codePoints: number): number {
    const bytes = this.bytes;
    if (this.ascii) return Math.min(from + codePoints, bytes.length);
    let at = from;
    for (let n = 0; n < codePoints && at < bytes.length; n++) at += sequenceLength(bytes[at]!);
    return Math.min(at, bytes.length);
  }
}
