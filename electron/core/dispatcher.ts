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
import { appendAudit } from './store/auditLog';
import { FilePieces } from './filePieces';

export type Dispatch = (op: string, input: unknown) => Promise<Envelope>;

/**
 * With `keepPieces`, a file (the operation's body field) may stay in the
 * pieces it was written in, for a transport that writes them one at a time;
 * otherwise its bytes are joined into the one array the contract promises.
 */
export function createDispatcher(core: Core, options: { keepPieces?: boolean } = {}): Dispatch {
  return async (op, input) => {
    try {
      const result = await run(core, op, input);
      return { ok: true, result: options.keepPieces ? result : joinPieces(op as OpName, result) };
    } catch (error) {
      return { ok: false, error: toAppError(error, core).toPayload() };
    }
  };
}

/** Like the dispatcher, but returns the result or throws: for in-process callers (CLI, tests, bench). */
export async function call<K extends OpName>(core: Core, op: K, input: unknown): Promise<OpResult<K>> {
  try {
    return joinPieces(op, await run(core, op, input)) as OpResult<K>;
  } catch (error) {
    throw toAppError(error, core);
  }
}

/** The result with its file field as one array of bytes. */
export function joinPieces(op: OpName, result: unknown): unknown {
  const field = contract[op].body;
  if (!field || result === null || typeof result !== 'object') return result;
  const value = (result as Record<string, unknown>)[field];
  return value instanceof FilePieces ? { ...result, [field]: value.join() } : result;
}

async function run(core: Core, op: string, rawInput: unknown): Promise<unknown> {
  core.activity.running++;
  try {
    return await runOperation(core, op, rawInput);
  } finally {
    core.activity.running--;
    core.activity.lastEndedAt = performance.now();
  }
}

async function runOperation(core: Core, op: string, rawInput: unknown): Promise<unknown> {
  if (!isOpName(op)) throw new AppError('unknown_op', { op });
  const spec = contract[op];
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) throw new AppError('validation', { op, detail: describeIssues(parsed.error) });

  const handler = handlers[op] as Handler<typeof op>;
  if (spec.needsProject) core.requireProject();

  const writes = spec.touches.length > 0 && spec.needsProject;
  if (writes && core.project?.readOnly) throw new AppError('read_only', { file: core.project.name });
  if (writes) core.project?.assertInPlace();
  if (isBatchHandler(handler)) {
    try {
      const result = await handler.run(parsed.data as never, core);
      // A batch commits its own units as it goes; the trail records the operation once it is done.
      if (writes && core.project) audit(core, op, parsed.data, result);
      return result;
    } finally {
      if (writes) core.project?.wrote();
    }
  }
  if (writes) {
    const project = core.requireProject();
    const result = project.db.transaction(() => {
      const result = handler(parsed.data as never, core);
      appendAudit(project, core.currentCoder(project), op, parsed.data, result);
      return result;
    })();
    project.wrote();
    return result;
  }
  return handler(parsed.data as never, core);
}

function audit(core: Core, op: OpName, input: unknown, result: unknown): void {
  const project = core.requireProject();
  project.db.transaction(() => appendAudit(project, core.currentCoder(project), op, input, result))();
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`).join('; ');
}

/**
 * Errors as the researcher should read them. SQLite's write failures (disk
 * full, file made read-only, removed or unreachable) name the project and
 * say that the change was not saved; SQLite has already rolled it back.
 */
function toAppError(error: unknown, core: Core): AppError {
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown }).code;
  const file = core.project ? `${core.project.name}.tematik` : 'The project';
  if (typeof code === 'string' && code.startsWith('SQLITE_')) {
    if (code === 'SQLITE_FULL') return new AppError('disk_full', { file });
    if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_PERM') {
      return new AppError('write_failed', { file, detail: message });
    }
  }
  return new AppError('internal', { detail: message });
}
