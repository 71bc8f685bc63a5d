/**
 * Inflating a zip container (docx) under hard limits before any library
 * sees it, so that a file whose XML would expand to gigabytes is refused after
 * the first quarter-gigabyte instead of exhausting memory. The limits count
 * bytes actually inflated, not the sizes the archive claims.
 */
import { Unzip, UnzipInflate, UnzipPassThrough } from 'fflate';
import { AppError } from '../../../shared/api/errors';
import { importLimits } from './types';

/** Inflates every entry, keeping nothing but the count, and returns the entry names. */
export function checkUnpackedSize(bytes: Uint8Array, fileName: string, format: string): string[] {
  const names: string[] = [];
  let total = 0;
  let count = 0;
  let failure: AppError | null = null;

  const unzip = new Unzip((file) => {
    if (failure) return;
    if (++count > importLimits.archiveEntries) {
      failure = new AppError('too_much_data', { file: fileName, limit: importLimits.unpackedBytes / 1024 / 1024 });
      return;
    }
    names.push(file.name);
    file.ondata = (error, chunk) => {
      if (failure) return;
      if (error) {
        failure = new AppError('corrupt_file', { file: fileName, format, detail: error.message });
        return;
      }
      total += chunk.length;
      if (total > importLimits.unpackedBytes) {
        failure = new AppError('too_much_data', { file: fileName, limit: importLimits.unpackedBytes / 1024 / 1024 });
        file.terminate();
        return;
      }
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
  return names;
}

/**
 * The entries `want` picks, inflated under the same limits (counted over the
 * picked entries only, so a project's large media files are never inflated).
 */
export function unzipSelected(bytes: Uint8Array, fileName: string, format: string, want: (name: string) => boolean): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  let total = 0;
  let count = 0;
  let failure: AppError | null = null;
  const unzip = new Unzip((file) => {
    if (failure) return;
    if (++count > importLimits.archiveEntries * 20) {
      failure = new AppError('too_much_data', { file: fileName, limit: importLimits.unpackedBytes / 1024 / 1024 });
      return;
    }
    if (!want(file.name)) return;
    const chunks: Uint8Array[] = [];
    file.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) {
        failure = new AppError('corrupt_file', { file: fileName, format, detail: error.message });
        return;
      }
      total += chunk.length;
      if (total > importLimits.unpackedBytes * 4) {
        failure = new AppError('too_much_data', { file: fileName, limit: (importLimits.unpackedBytes * 4) / 1024 / 1024 });
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) {
        const whole = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
        let at = 0;
        for (const c of chunks) {
          whole.set(c, at);
          at += c.length;
        }
        out.set(file.name, whole);
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  const slice = 64 * 1024;
  try {
    for (let offset = 0; offset < bytes.length && !failure; offset += slice) {
      unzip.push(bytes.subarray(offset, Math.min(bytes.length, offset + slice)), offset + slice >= bytes.length);
    }
  } catch (error) {
    failure ??= new AppError('corrupt_file', { file: fileName, format, detail: (error as Error).message });
  }
  if (failure) throw failure;
  return out;
}
