/**
 * The one dispatcher. Both transports (Electron IPC and HTTP) and the CLI hand
 * it an operation name and raw input; it validates the input against the
 * contract, runs the handler, wraps writes in one transaction, and returns an
 * envelope. No transport has per-operation code.
 */
import { z } from 'zod';
import { contract, isOpName, type OpName, type OpResult } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/envelope';
import { AppError } from '../../shared/api/errors';
import type { Core } from './core';
import { handlers, isBatchHandler, type Handler } from './handlers';

export type Dispatch = (op: string, input: unknown) => Promise<Envelope>;

export function createDispatcher(core: Core): Dispatch {
  return async (op, input) => {
    try {
      return { ok: true, result: await run(core, op, input) };
    } catch (error) {
      return { ok: false, error: toAppError(error).toPayload() };
    }
  };
}

/** Like the dispatcher, but returns the result or throws: for in-process callers (CLI, tests, bench). */
export async function call<K extends OpName>(core: Core, op: K, input: unknown): Promise<OpResult<K>> {
  return (await run(core, op, input)) as OpResult<K>;
}

async function run(core: Core, op: string, rawInput: unknown): Promise<unknown> {
  if (!isOpName(op)) throw new AppError('unknown_op', { op });
  const spec = contract[op];
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) throw new AppError('validation', { op, detail: describeIssues(parsed.error) });

  const handler = handlers[op] as Handler<typeof op>;
  if (spec.needsProject) core.requireProject();

  if (isBatchHandler(handler)) return handler.run(parsed.data as never, core);
  if (spec.touches.length > 0 && spec.needsProject) {
    const project = core.requireProject();
    return project.db.transaction(() => handler(parsed.data as never, core))();
  }
  return handler(parsed.data as never, core);
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`).join('; ');
}

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new AppError('internal', { detail: message });
}
