/**
 * Running a long operation (an export) as a task: it is given an id of its
 * own, its progress is asked for while it runs, and Cancel stops it in the
 * core and drops whatever it would have returned.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { OpInput, OpResult, TaskOp, TaskProgress } from '../../../shared/api/contract';
import { api } from '../api/client';

const pollMs = 250;

interface Running {
  id: string;
  cancelled: boolean;
  /** Ends the wait for the result at once: the core may take a while to reach its next breath. */
  abandon(): void;
}

export interface TaskRunner {
  running: boolean;
  /** The core's last report; null until the first arrives. */
  progress: TaskProgress | null;
  /** The operation's result, or null when it was cancelled. */
  run<K extends TaskOp>(op: K, input: Omit<OpInput<K>, 'task'>): Promise<OpResult<K> | null>;
  cancel(): void;
}

export function useTask(): TaskRunner {
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<TaskProgress | null>(null);
  const current = useRef<Running | null>(null);

  const settle = useCallback((task: Running) => {
    if (current.current !== task) return;
    current.current = null;
    setRunning(false);
    setProgress(null);
  }, []);

  const run = useCallback(
    async <K extends TaskOp>(op: K, input: Omit<OpInput<K>, 'task'>): Promise<OpResult<K> | null> => {
      let abandon = () => {};
      const abandoned = new Promise<null>((resolve) => (abandon = () => resolve(null)));
      const task: Running = { id: crypto.randomUUID(), cancelled: false, abandon };
      current.current = task;
      setRunning(true);
      setProgress(null);
      const poll = setInterval(() => {
        void api
          .call('task.progress', { task: task.id })
          .then((reported) => current.current === task && reported && setProgress(reported))
          // A missed report is made good by the next one.
          .catch(() => {});
      }, pollMs);
      try {
        const answer = (api.call as (op: K, input: unknown) => Promise<OpResult<K>>)(op, { ...input, task: task.id });
        // Once abandoned, its failure (cancelled, most likely) is nobody's news.
        answer.catch(() => {});
        const result = await Promise.race([answer, abandoned]);
        return task.cancelled ? null : result;
      } catch (error) {
        if (task.cancelled) return null;
        throw error;
      } finally {
        clearInterval(poll);
        settle(task);
      }
    },
    [settle],
  );

  const cancel = useCallback(() => {
    const task = current.current;
    if (!task) return;
    task.cancelled = true;
    task.abandon();
    void api.call('task.cancel', { task: task.id }).catch(() => {});
    settle(task);
  }, [settle]);

  // A view closed while its task runs stops the task: nobody is left to save its file.
  useEffect(
    () => () => {
      const task = current.current;
      if (!task) return;
      task.cancelled = true;
      void api.call('task.cancel', { task: task.id }).catch(() => {});
    },
    [],
  );

  return { running, progress, run, cancel };
}
