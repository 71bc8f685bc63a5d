/**
 * Long operations (exports of a large project) as tasks: each reports how far
 * it has got and can be stopped. A caller names its task with an id of its own
 * choosing in the operation's input; `task.progress` and `task.cancel` find it
 * by that id while it runs. A task gives the event loop a turn now and then,
 * so that those two requests, and everything else, are answered meanwhile.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { TaskProgress, TaskStep } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';

/** Work between two turns of the event loop: long enough that yielding costs nothing, short enough that a poll is answered at once. */
const sliceMs = 40;

export class Task {
  private state: TaskProgress = { step: 'read', done: 0, total: 1, detail: '' };
  private cancelled = false;
  /** The first breath always gives way: a cancel sent right after the start is heard before any work. */
  private sliceStart = -Infinity;

  constructor(private readonly onEnd: () => void) {}

  get progress(): TaskProgress {
    return { ...this.state };
  }

  /** A new step of `total` units, nothing of it done yet. */
  step(step: TaskStep, total: number, detail = ''): void {
    this.state = { step, done: 0, total: Math.max(total, 1), detail };
  }

  advance(units = 1, detail?: string): void {
    this.state.done = Math.min(this.state.done + units, this.state.total);
    if (detail !== undefined) this.state.detail = detail;
  }

  cancel(): void {
    this.cancelled = true;
  }

  /** Throws once the task is cancelled; after a slice of work, first lets the event loop answer what waits. */
  async breathe(): Promise<void> {
    if (performance.now() - this.sliceStart >= sliceMs) {
      await nextTurn();
      this.sliceStart = performance.now();
    }
    if (this.cancelled) throw new AppError('cancelled');
  }

  end(): void {
    this.onEnd();
  }
}

export class TaskBoard {
  private readonly running = new Map<string, Task>();

  /** A task for one run of an operation; listed under `id` when the caller gave one. */
  begin(id: string | undefined): Task {
    const task = new Task(() => {
      if (id !== undefined && this.running.get(id) === task) this.running.delete(id);
    });
    if (id !== undefined) this.running.set(id, task);
    return task;
  }

  progress(id: string): TaskProgress | null {
    return this.running.get(id)?.progress ?? null;
  }

  /** Whether a task of that id was running; it stops at its next breath. */
  cancel(id: string): boolean {
    const task = this.running.get(id);
    task?.cancel();
    return task !== undefined;
  }
}

/** Runs `work` as the task `id`, ending the task however the work ends. */
export async function asTask<T>(board: TaskBoard, id: string | undefined, work: (task: Task) => Promise<T>): Promise<T> {
  const task = board.begin(id);
  try {
    return await work(task);
  } finally {
    task.end();
  }
}
