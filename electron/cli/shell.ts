/** What the CLI's main module hands the modules that register verbs: the dispatcher, output, and project handling. */
import type { OpName, OpResult, TaskOp } from '../../shared/api/contract';

export interface CliShell {
  run<K extends OpName>(op: K, input: unknown): Promise<OpResult<K>>;
  /** A long operation with its progress shown, cancelled by Ctrl-C (see taskProgress.ts). */
  runTask<K extends TaskOp>(op: K, input: Record<string, unknown>): Promise<OpResult<K>>;
  out(line: string): void;
  json(value: unknown): void;
  withProject<A extends unknown[]>(action: (...args: A) => Promise<number | void>): (project: string, ...args: A) => Promise<void>;
  withoutProject<A extends unknown[]>(action: (...args: A) => Promise<void>): (...args: A) => Promise<void>;
  readInputFile(file: string): string;
}
