/**
 * Inflating a zip container (docx, qdpx) under hard limits before any
 * library sees it, so that a file whose XML would expand to gigabytes is
 * refused after the first quarter-gigabyte instead of exhausting memory. The
 * limits count bytes actually inflated, not the sizes the archive claims.
 */
import { Unzip, UnzipInflate, UnzipPassThrough } from 'fflate';
import { AppError } from '../../../shared/api/errors';
import { importLimits } from './types';

interface InflateOptions {
  /** Entries to inflate; the others are skipped unread. */
  want: (name: string) => boolean;
  /** Keep the inflated bytes (otherwise only count them). */
  keep: boolean;
  maxBytes: number;
  maxEntries: number;
}

function inflate(bytes: Uint8Array, fileName: string, format: string, options: InflateOptions): { names: string[]; entries: Map<string, Uint8Array> } {
  const names: string[] = [];
  const entries = new Map<string, Uint8Array>();
  let total = 0;
  let failure: AppError | null = null;
  const tooMuch = () => new AppError('too_much_data', { file: fileName, limit: options.maxBytes / 1024 / 1024 });

  const unzip = new Unzip((file) => {
    if (failure) return;
    names.push(file.name);
    if (names.length > options.maxEntries) {
      failure = tooMuch();
      return;
    }
    if (!options.want(file.name)) return;
    const chunks: Uint8Array[] = [];
    file.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) {
        failure = new AppError('corrupt_file', { file: fileName, format, detail: error.message });
        return;
      }
      total += chunk.length;
      if (total > options.maxBytes) {
        failure = tooMuch();
        file.terminate();
        return;
      }
      if (!options.keep) return;
      chunks.push(chunk);
      if (final) entries.set(file.name, concat(chunks));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);

  // Feed in slices so that a runaway entry is stopped early rather than after one giant inflate.
  const slice = 64 * 1024;
  try {
    for (let offset = 0; offset < bytes.length && !failure; offset += slice) {
      unzip.push(bytes.subarray(offset, Math.min(bytes.length, offset + slice)), offset + slice >= bytes.length);
    }
  } catch (error) {
    failure ??= new AppError('corrupt_file', { file: fileName, format, detail: (error as Error).message });
  }
  if (failure) throw failure;
  return { names, entries };
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const whole = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    whole.set(c, at);
    at += c.length;
  }
  return whole;
}

/** Inflates every entry, keeping nothing but the count, and returns the entry names. */
export function checkUnpackedSize(bytes: Uint8Array, fileName: string, format: string): string[] {
  return inflate(bytes, fileName, format, { want: () => true, keep: false, maxBytes: importLimits.unpackedBytes, maxEntries: importLimits.archiveEntries }).names;
}

/**
 * The entries `want` picks, inflated and kept (the limits count the picked
 * entries only, so a project's large media files are never inflated).
 */
export function unzipSelected(bytes: Uint8Array, fileName: string, format: string, want: (name: string) => boolean): Map<string, Uint8Array> {
  return inflate(bytes, fileName, format, { want, keep: true, maxBytes: importLimits.unpackedBytes * 4, maxEntries: importLimits.archiveEntries * 20 }).entries;
}
