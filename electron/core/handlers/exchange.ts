/** REFI-QDA exchange: .qdpx projects and .qdc codebooks in and out. */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { mergeInto } from '../interchange/mergeInto';
import { exportQdc, exportQdpx } from '../exchange/qdpxExport';
import { readExchangeFile } from '../exchange/qdpxImport';
import { uploadBytes } from '../importers/importBatch';
import { importLimits } from '../importers/types';
import type { HandlersFor } from './types';

export const exchangeHandlers: HandlersFor<'exchange'> = {
  'exchange.import': (input, core) => {
    const project = core.requireProject();
    const [fileName, bytes, location] =
      'path' in input ? [path.basename(input.path), readBounded(input.path), path.resolve(input.path)] : [path.basename(input.upload.fileName), uploadBytes(input.upload), null];
    const read = readExchangeFile(bytes, fileName, location);
    const merged = mergeInto(project, read.model);
    return { file: fileName, kind: read.kind, producer: read.origin, memos: read.memos, skipped: read.skipped, offsets: read.offsets, ...merged };
  },

  'exchange.export': ({ format, target = 'standard', out }, core) => {
    const project = core.requireProject();
    const fileName = out ? path.basename(out) : `${project.name}.${format}`;
    const bytes = format === 'qdpx' ? exportQdpx(project, target) : Buffer.from(exportQdc(project), 'utf8');
    if (!out) return { fileName, base64: Buffer.from(bytes).toString('base64') };
    // Written beside the destination and renamed, so a failure never leaves half a file.
    const partial = `${path.resolve(out)}.partial-${process.pid}`;
    fs.writeFileSync(partial, bytes);
    fs.renameSync(partial, path.resolve(out));
    return { fileName, base64: null };
  },
};

function readBounded(file: string): Buffer {
  if (!fs.existsSync(file)) throw new AppError('file_missing', { file: path.basename(file) });
  if (fs.statSync(file).size > importLimits.fileBytes * 5) throw new AppError('file_too_large', { file: path.basename(file), limit: (importLimits.fileBytes * 5) / 1024 / 1024 });
  return fs.readFileSync(file);
}
