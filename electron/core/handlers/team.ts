/** Team coding: coding packages out, other coders' projects back in. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readOtherProject, writePackage } from '../interchange/projectCopy';
import { uploadBytes } from '../importers/importBatch';
import { mergeInto } from '../interchange/mergeInto';
import type { HandlersFor } from './types';

export const teamHandlers: HandlersFor<'team'> = {
  'team.package': ({ out, documentIds, withoutCodings }, core) => {
    const project = core.requireProject();
    const options = { documentIds, withCodings: !withoutCodings };
    const fileName = `${project.name}-package.tematik`;
    if (out) return { fileName: path.basename(out), base64: null, ...writePackage(project, out, options, core.options.nativeBinding) };
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'tematik-package-'));
    try {
      const file = path.join(scratch, fileName);
      const counts = writePackage(project, file, options, core.options.nativeBinding);
      return { fileName, base64: fs.readFileSync(file).toString('base64'), ...counts };
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  },

  'team.merge': (input, core) => {
    const project = core.requireProject();
    if ('path' in input) return mergeInto(project, readOtherProject(input.path, core.options.nativeBinding));
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'tematik-upload-'));
    try {
      const file = path.join(scratch, path.basename(input.upload.fileName));
      fs.writeFileSync(file, uploadBytes(input.upload));
      return mergeInto(project, readOtherProject(file, core.options.nativeBinding));
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  },
};
