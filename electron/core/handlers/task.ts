import type { HandlersFor } from './types';

export const taskHandlers: HandlersFor<'task'> = {
  'task.progress': ({ task }, core) => core.tasks.progress(task),
  'task.cancel': ({ task }, core) => ({ cancelled: core.tasks.cancel(task) }),
};
