import { useTranslation } from 'react-i18next';
import type { TaskRunner } from '../app/tasks';

/** A running task's progress, in words and as a bar, with its Cancel button. */
export function TaskProgressBar({ task }: { task: TaskRunner }) {
  const { t } = useTranslation();
  if (!task.running) return null;
  const { progress } = task;
  return (
    <div className="import-progress" role="status">
      <progress max={progress?.total ?? 1} value={progress?.done ?? 0} />
      <span>{progress ? t(`tasks.${progress.step}`, { current: Math.min(progress.done + 1, progress.total), done: progress.done, total: progress.total, file: progress.detail }) : t('tasks.starting')}</span>
      <button type="button" onClick={task.cancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
