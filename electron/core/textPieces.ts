/**
 * A file's text as the pieces it was written in, a few thousand rows each,
 * every piece encoded as UTF-8 as soon as it is made. An export of 100,000
 * codings is some 25 million characters: as one string it is twice that in
 * memory, holds on to every transcript its passages were cut from until it
 * is flattened, and browser mode would encode it once more. A handler may
 * return a file field (OpSpec.body) as pieces; the HTTP transport writes
 * them to the socket as they are, every other caller gets them joined.
 */
export class TextPieces {
  private constructor(readonly bytes: readonly Buffer[]) {}

  static ofBytes(pieces: readonly Buffer[]): TextPieces {
    return new TextPieces(pieces);
  }

  get byteLength(): number {
    return this.bytes.reduce((sum, piece) => sum + piece.length, 0);
  }

  join(): string {
    return Buffer.concat(this.bytes).toString('utf8');
  }
}
