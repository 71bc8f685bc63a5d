import { useTranslation } from 'react-i18next';
import { taskProgressMessage } from '../../../shared/api/taskProgress';
import type { TaskRunner } from '../app/tasks';

/** A running task's progress, in words and as a bar, with its Cancel button. */
export function TaskProgressBar({ task }: { task: TaskRunner }) {
  const { t } = useTranslation();
  if (!task.running) return null;
  const { progress } = task;
  const message = taskProgressMessage(progress);
  return (
    <div className="import-progress" role="status">
      <progress max={progress?.total ?? 1} value={progress?.done ?? 0} />
      <span>{t(`tasks.${message.key}`, message.params)}</span>
      <button type="button" onClick={task.cancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
