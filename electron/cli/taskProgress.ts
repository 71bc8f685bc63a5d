/**
 * A long operation (an export) run as a task from the command line: its
 * progress on one line of the terminal while it runs, and Ctrl-C cancels it
 * at its next breath, so that nothing, not even part of a file, is written.
 * Piped or redirected, stderr gets no progress lines.
 */
import { randomUUID } from 'node:crypto';
import type { OpName, OpResult, TaskOp } from '../../shared/api/contract';
import { interpolate } from '../../shared/api/errors';
import { taskProgressMessage } from '../../shared/api/taskProgress';
import { catalogs, type Language } from '../../shared/i18n';

type Run = <K extends OpName>(op: K, input: unknown) => Promise<OpResult<K>>;

const pollMs = 250;

export async function runAsTask<K extends TaskOp>(run: Run, op: K, input: Record<string, unknown>, language: Language, terminal: NodeJS.WriteStream = process.stderr): Promise<OpResult<K>> {
  const task = randomUUID();
  const cancel = () => void run('task.cancel', { task }).catch(() => {});
  process.once('SIGINT', cancel);
  const show = terminal.isTTY
    ? setInterval(() => {
        void run('task.progress', { task })
          .then((progress) => {
            const { key, params } = taskProgressMessage(progress);
            terminal.write(`\r${interpolate(catalogs[language].tasks[key], params)}\x1b[K`);
          })
          .catch(() => {});
      }, pollMs)
    : null;
  try {
    return await run(op, { ...input, task });
  } finally {
    process.off('SIGINT', cancel);
    if (show) {
      clearInterval(show);
      terminal.write('\r\x1b[K');
    }
  }
}
