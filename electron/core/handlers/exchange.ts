/** REFI-QDA exchange: .qdpx projects and .qdc codebooks in and out. */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { mergeInto } from '../interchange/mergeInto';
import { exportQdc, exportQdpx } from '../exchange/qdpxExport';
import { readExchangeFile } from '../exchange/qdpxImport';
import { uploadBytes } from '../importers/importBatch';
import { importLimits } from '../importers/types';
import { writeAtomically } from '../store/atomicFile';
import { asTask } from '../tasks';
import { batch, type HandlersFor } from './types';

export const exchangeHandlers: HandlersFor<'exchange'> = {
  'exchange.import': (input, core) => {
    const project = core.requireProject();
    const [fileName, bytes, location] =
      'path' in input ? [path.basename(input.path), readBounded(input.path), path.resolve(input.path)] : [path.basename(input.upload.fileName), uploadBytes(input.upload), null];
    const read = readExchangeFile(bytes, fileName, location);
    const merged = mergeInto(project, read.model);
    return { file: fileName, kind: read.kind, producer: read.origin, memos: read.memos, skipped: read.skipped, offsets: read.offsets, ...merged };
  },

  'exchange.export': batch(({ format, target = 'standard', out, task }, core) =>
    asTask(core.tasks, task, async (running) => {
      const project = core.requireProject();
      const fileName = out ? path.basename(out) : `${project.name}.${format}`;
      const bytes = format === 'qdpx' ? await exportQdpx(project, target, running) : Buffer.from(exportQdc(project), 'utf8');
      if (!out) return { fileName, file: bytes };
      writeAtomically(out, bytes);
      return { fileName, file: null };
    }),
  ),
};

function readBounded(file: string): Buffer {
  if (!fs.existsSync(file)) throw new AppError('file_missing', { file: path.basename(file) });
  if (fs.statSync(file).size > importLimits.fileBytes * 5) throw new AppError('file_too_large', { file: path.basename(file), limit: (importLimits.fileBytes * 5) / 1024 / 1024 });
  return fs.readFileSync(file);
}
