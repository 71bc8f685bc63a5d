/**
 * The one typed client. It knows the contract, not the transport: the renderer
 * hands it IPC or HTTP, the tests hand it the dispatcher directly.
 */
import type { OpInput, OpName, OpResult } from './contract';
import type { Envelope } from './envelope';
import type { ErrorPayload } from './errors';

export type Transport = (op: OpName, input: unknown) => Promise<Envelope>;

export class ApiError extends Error {
  readonly payload: ErrorPayload;
  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.name = 'ApiError';
    this.payload = payload;
  }
}

export interface ApiClient {
  call<K extends OpName>(op: K, ...input: Record<string, never> extends OpInput<K> ? [OpInput<K>?] : [OpInput<K>]): Promise<OpResult<K>>;
}

export function createApiClient(transport: Transport): ApiClient {
  async function call(op: OpName, input?: unknown): Promise<unknown> {
    const envelope = await transport(op, input ?? {});
    if (!envelope.ok) throw new ApiError(envelope.error);
    return envelope.result;
  }
  return { call } as ApiClient;
}
