/**
 * A file as the pieces it was written in, a few thousand rows each, every
 * piece encoded as UTF-8 as soon as it is made. An export of 100,000 codings
 * is some 25 million characters: as one string it is twice that in memory,
 * holds on to every transcript its passages were cut from until it is
 * flattened, and would be encoded once more on its way out. A handler may
 * return a file field (OpSpec.body) as pieces; the HTTP transport writes them
 * to the socket as they are, every other caller gets them joined.
 */
export class FilePieces {
  private constructor(readonly bytes: readonly Buffer[]) {}

  static of(pieces: readonly Buffer[]): FilePieces {
    return new FilePieces(pieces);
  }

  get byteLength(): number {
    return this.bytes.reduce((sum, piece) => sum + piece.length, 0);
  }

  join(): Buffer {
    return this.bytes.length === 1 ? this.bytes[0]! : Buffer.concat(this.bytes);
  }
}
