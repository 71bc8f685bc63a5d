/** A task's progress in words: which message of the `tasks` catalog, and what goes in it. The app and the CLI say the same. */
import type { Catalog } from '../i18n/en';
import type { TaskProgress } from './contract';

export function taskProgressMessage(progress: TaskProgress | null): { key: keyof Catalog['tasks']; params: Record<string, string | number> } {
  if (!progress) return { key: 'starting', params: {} };
  return { key: progress.step, params: { current: Math.min(progress.done + 1, progress.total), done: progress.done, total: progress.total, file: progress.detail } };
}
