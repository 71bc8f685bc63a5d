import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/api/errors';
import { asTask, TaskBoard } from '../../electron/core/tasks';

describe('tasks', () => {
  it('reports the step, how much of it is done and what it is on, never past its total', () => {
    const board = new TaskBoard();
    const task = board.begin('t');
    task.step('file', 3);
    task.advance(0, 'codings.csv');
    expect(board.progress('t')).toEqual({ step: 'file', done: 0, total: 3, detail: 'codings.csv' });
    task.advance(5);
    expect(board.progress('t')).toEqual({ step: 'file', done: 3, total: 3, detail: 'codings.csv' });
    task.step('compress', 0);
    expect(board.progress('t')).toEqual({ step: 'compress', done: 0, total: 1, detail: '' });
  });

  it('stops at the next breath once cancelled, and forgets a task that has ended', async () => {
    const board = new TaskBoard();
    const steps: number[] = [];
    const work = asTask(board, 'export', async (task) => {
      for (let i = 0; i < 1_000; i++) {
        await task.breathe();
        steps.push(i);
      }
    });
    // The first breath gives way, so a cancel sent at once is heard before any step.
    expect(board.cancel('export')).toBe(true);
    await expect(work).rejects.toBeInstanceOf(AppError);
    await expect(work).rejects.toMatchObject({ code: 'cancelled' });
    expect(steps).toEqual([]);
    expect(board.progress('export')).toBeNull();
    expect(board.cancel('export')).toBe(false);
  });

  it('runs a task without an id to its end, listed nowhere', async () => {
    const board = new TaskBoard();
    expect(await asTask(board, undefined, async (task) => (await task.breathe(), 'done'))).toBe('done');
    expect(board.cancel('undefined')).toBe(false);
  });
});
