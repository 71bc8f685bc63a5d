import { AppError } from '../../../shared/api/errors';
import type { ProjectInfo } from '../../../shared/model/types';
import { startLiveCodings } from '../analysis/liveCodings';
import type { Core } from '../core';
import { codebookEntriesFromFile, importEntries, starterEntries } from './codebook';
import { ensureCoder } from './coders';
import { batch, type HandlersFor, type SyncHandler } from './types';

function info(core: Core): ProjectInfo {
  const project = core.projectInfo();
  if (!project) throw new AppError('no_project');
  return project;
}

const appInfo: SyncHandler<'app.info'> = (_input, core) => ({ shell: core.options.shell, project: core.projectInfo() });

export const appHandlers: HandlersFor<'app'> = {
  'app.info': appInfo,
};

export const projectHandlers: Pick<HandlersFor<'project'>, 'project.create' | 'project.open' | 'project.openSample' | 'project.close'> = {
  'project.create': ({ path, codebook }, core) => {
    // The codebook is read before the file exists: a bad codebook file leaves nothing behind.
    const entries = codebook && ('starter' in codebook ? starterEntries(core.options.resourceDir, codebook.starter) : codebookEntriesFromFile(codebook.fileName, codebook.content));
    core.open(path, true);
    // A new project has no codings to read: keeping them in step costs nothing now, and spares the first analysis a read of them all later.
    startLiveCodings(core.requireProject());
    if (entries) {
      const project = core.requireProject();
      project.db.transaction(() => importEntries(project, entries))();
    }
    return info(core);
  },
  'project.open': ({ path, readOnly }, core) => {
    core.open(path, false, { readOnly });
    return info(core);
  },
  'project.openSample': batch(async ({ path, lang }, core) => {
    // Loaded lazily: the sample builder drives the dispatcher, which imports these handlers.
    const { openSampleProject } = await import('../sample/sampleStudy');
    await openSampleProject(core, { path, lang: lang ?? 'id' });
    return info(core);
  }),
  'project.close': (_input, core) => {
    core.close();
    return null;
  },
};

export const codersHandlers: HandlersFor<'coders'> = {
  'coders.list': (_input, core) =>
    (core.requireProject().stmt('SELECT name FROM coders ORDER BY name COLLATE NOCASE').all() as { name: string }[]).map((r) => r.name),
};

export const coderHandlers: HandlersFor<'coder'> = {
  'coder.set': ({ name }, core) => {
    const project = core.requireProject();
    ensureCoder(project, name);
    project.setMeta('current_coder', name);
    return info(core);
  },
};
