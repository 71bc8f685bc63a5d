import { codingsToCsv } from '../../../shared/csv/codingsCsv';
import { codingRows } from './codings';
import type { HandlersFor } from './types';

export const exportHandlers: HandlersFor<'export'> = {
  'export.codingsCsv': (_input, core) => {
    const project = core.requireProject();
    return { fileName: `${project.name}-codings.csv`, csv: codingsToCsv(codingRows(project, {})) };
  },
};
