/**
 * The zips Tematik writes (a project as .qdpx, the dataset) through yazl:
 * each file is deflated by zlib on Node's thread pool as soon as it is added,
 * so compressing runs beside the writing of the next file instead of after
 * all of them (fflate's deflate in JavaScript took 2.1 s of the main thread
 * for a thousand transcripts; zlib takes 0.4 s, off it).
 */
import { PassThrough } from 'node:stream';
import yazl from 'yazl';

/**
 * Level 1 takes a third of the time of the usual 6 for a file some 6 %
 * larger: on a thousand transcripts, a second of waiting for a megabyte
 * that nobody notices.
 */
const level = 1;

export class ZipWriter {
  private readonly zip = new yazl.ZipFile();
  private readonly written: Promise<Buffer>;

  constructor() {
    const chunks: Buffer[] = [];
    this.written = new Promise((resolve, reject) => {
      this.zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
      this.zip.outputStream.on('error', reject);
      this.zip.on('error', reject);
    });
    // A zip abandoned half-way (a cancelled export) must not leave an unhandled rejection behind.
    this.written.catch(() => {});
  }

  /** A file whose bytes are all known now. */
  add(name: string, bytes: Buffer): void {
    this.zip.addBuffer(bytes, name, { compressionLevel: level });
  }

  /** A file whose bytes come later, a piece at a time; it keeps its place in the zip meanwhile. */
  addLater(name: string): { write(piece: Buffer): void; end(): void } {
    const stream = new PassThrough();
    this.zip.addReadStream(stream, name, { compressionLevel: level });
    return { write: (piece) => void stream.write(piece), end: () => stream.end() };
  }

  /** The zip's bytes, once every file is compressed. */
  finish(): Promise<Buffer> {
    this.zip.end();
    return this.written;
  }
}
