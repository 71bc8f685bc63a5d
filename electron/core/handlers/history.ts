/**
 * Undo and redo are ordinary contract operations: an undo step is the list of
 * operations that reverses an action (built by shared/history/inverse.ts), and
 * `history.apply` runs them — each validated by its own schema — inside the
 * one transaction the dispatcher opened, so a step happens whole or not at all.
 */
import { contract, isOpName, type OpName } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import { handlers } from './index';
import { isBatchHandler, type Handler, type HandlersFor, type SyncHandler } from './types';

/** Only operations on the project's codebook and codings can be part of an undo step. */
function allowed(op: OpName): boolean {
  return contract[op].touches.length > 0 && contract[op].needsProject && op !== 'history.apply' && !isBatchHandler(handlers[op] as Handler<typeof op>);
}

export const historyHandlers: HandlersFor<'history'> = {
  'history.apply': ({ steps }, core) => {
    for (const step of steps) {
      if (!isOpName(step.op) || !allowed(step.op)) throw new AppError('forbidden', { detail: `“${step.op}” cannot be part of an undo step` });
      const parsed = contract[step.op].input.safeParse(step.input);
      if (!parsed.success) throw new AppError('validation', { op: step.op, detail: parsed.error.issues.map((i) => i.message).join('; ') });
      (handlers[step.op] as SyncHandler<typeof step.op>)(parsed.data as never, core);
    }
    return null;
  },
};
