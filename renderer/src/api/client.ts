/**
 * The renderer's one API client. It picks the transport once — Electron IPC
 * when the preload bridge is present, HTTP otherwise — and nothing above this
 * file knows which one it talks to.
 */
import { createApiClient, type Transport } from '../../../shared/api/client';
import type { Envelope } from '../../../shared/api/envelope';
import { bodyOfInput } from '../../../shared/api/bytesBody';
import { hasFileBody, resultFromBody } from '../../../shared/api/fileBody';
import './bridge';

const ipcTransport: Transport = async (op, input) => (await window.tematik!.call(op, input)) as Envelope;

const httpTransport: Transport = async (op, input) => {
  // An upload's bytes go as the body itself, the rest of the input in a header.
  const withBytes = bodyOfInput(input);
  // The session cookie set on first visit authenticates; same-origin only.
  const response = await fetch(`/api/${encodeURIComponent(op)}`, {
    method: 'POST',
    headers: withBytes?.headers ?? { 'Content-Type': 'application/json' },
    credentials: 'same-origin',
    body: withBytes ? new Blob(withBytes.parts as Uint8Array<ArrayBuffer>[]) : JSON.stringify(input),
  });
  // An export comes as the file's bytes, kept as they are (a byte-order mark too), the rest of its result in a header.
  const header = (name: string) => response.headers.get(name);
  if (hasFileBody(header)) return { ok: true, result: resultFromBody(header, new Uint8Array(await response.arrayBuffer())) };
  return (await response.json()) as Envelope;
};

export const api = createApiClient(window.tematik ? ipcTransport : httpTransport);
