import type { ErrorPayload } from './errors';

/**
 * What every transport carries back: a result or an error payload. Thrown
 * errors do not survive contextBridge or JSON, so both transports use this.
 */
export type Envelope<T = unknown> = { ok: true; result: T } | { ok: false; error: ErrorPayload };
