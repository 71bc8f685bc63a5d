import type { BodyField, OpName, OpParsedInput, OpResult } from '../../../shared/api/contract';
import type { Core } from '../core';
import type { FilePieces } from '../filePieces';

/** What a handler returns: the operation's result, where a file's bytes (its body field) may also be pieces. */
export type HandlerResult<K extends OpName> = [BodyField<K>] extends [never]
  ? OpResult<K>
  : { [P in keyof OpResult<K>]: P extends BodyField<K> ? OpResult<K>[P] | FilePieces : OpResult<K>[P] };

/**
 * A handler gets input the dispatcher has already validated. Handlers of write
 * operations must be synchronous: the dispatcher runs them inside one SQLite
 * transaction. Work that must await (reading files, parsing) is a batch
 * handler, which opens its own transactions around each unit it commits.
 */
export type SyncHandler<K extends OpName> = (input: OpParsedInput<K>, core: Core) => HandlerResult<K>;

export interface BatchHandler<K extends OpName> {
  readonly batch: true;
  run(input: OpParsedInput<K>, core: Core): Promise<HandlerResult<K>>;
}

export type Handler<K extends OpName> = SyncHandler<K> | BatchHandler<K>;

/** The handlers of every operation whose name starts with `${Prefix}.`. */
export type HandlersFor<Prefix extends string> = {
  [K in Extract<OpName, `${Prefix}.${string}`>]: Handler<K>;
};

export function batch<K extends OpName>(run: BatchHandler<K>['run']): BatchHandler<K> {
  return { batch: true, run };
}

export function isBatchHandler<K extends OpName>(handler: Handler<K>): handler is BatchHandler<K> {
  return typeof handler === 'object' && handler.batch;
}
