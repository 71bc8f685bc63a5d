import { codingsCsvFile } from '../export/codingsFile';
import { buildDatasetFile, datasetFileNames } from '../export/dataset';
import type { HandlersFor } from './types';

export const exportHandlers: HandlersFor<'export'> = {
  'export.datasetFiles': (_input, core) => datasetFileNames(core),
  'export.datasetFile': ({ name, ...options }, core) => buildDatasetFile(core, name, options),
  'export.codingsCsv': (_input, core) => {
    const project = core.requireProject();
    return { fileName: `${project.name}-codings.csv`, csv: codingsCsvFile(project) };
  },
};
