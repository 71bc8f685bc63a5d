import { buildDatasetFile, datasetFileNames, datasetZip } from '../export/dataset';
import { codingsCsvFile } from '../export/codingsFile';
import { asTask } from '../tasks';
import { batch, type HandlersFor } from './types';

export const exportHandlers: HandlersFor<'export'> = {
  'export.datasetFiles': (_input, core) => datasetFileNames(core),
  'export.datasetFile': ({ name, ...options }, core) => buildDatasetFile(core, name, options),
  'export.dataset': batch(({ task, ...options }, core) =>
    asTask(core.tasks, task, async (running) => ({ fileName: `${core.requireProject().name}-dataset.zip`, ...(await datasetZip(core, options, running)) })),
  ),
  'export.codingsCsv': (_input, core) => {
    const project = core.requireProject();
    return { fileName: `${project.name}-codings.csv`, csv: codingsCsvFile(project) };
  },
};
