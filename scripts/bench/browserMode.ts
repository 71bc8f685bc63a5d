/** Browser mode as a child process, as a researcher starts it: the URL, port and token it prints, and a way to stop it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { Client } from 'undici';
import type { Envelope } from '../../shared/api/envelope';
import { bodyOfInput } from '../../shared/api/bytesBody';
import { hasFileBody, resultFromBody } from '../../shared/api/fileBody';
import { serverCommand } from '../fresh.mjs';
import { repoRoot } from './common';

export interface BrowserModeProcess {
  child: ChildProcess;
  openUrl: string;
  port: number;
  token: string;
  stop(): Promise<void>;
}

export function startBrowserMode(project: string, extraArgs: string[] = [], nodeArgs: string[] = []): Promise<BrowserModeProcess> {
  const child = spawn(process.execPath, [...nodeArgs, ...serverCommand(), project, ...extraArgs], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:(\d+)\/\?token=(\S+))/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve({
        child,
        openUrl: match[1]!,
        port: Number(match[2]),
        token: match[3]!,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`browser mode exited with ${code}:\n${output}`)));
  });
}

/**
 * One keep-alive connection to browser mode, used one request at a time as a browser tab does. It is
 * undici's (the client inside Node's fetch): node:http's own client spent about 0.05 ms more of each
 * request than the server it timed, which a browser's native client does not.
 */
export function apiConnection(server: { port: number }): Client {
  return new Client(`http://127.0.0.1:${server.port}`, { pipelining: 1 });
}

/** One API request over `connection`, with the token as a bearer header; the envelope as the server sent it. */
export async function callApi(server: { port: number; token: string }, connection: Client, op: string, input: unknown): Promise<Envelope> {
  // As the renderer sends it: an upload's bytes as the body, the rest of the input in a header.
  const withBytes = bodyOfInput(input);
  const body = withBytes ? (withBytes.parts.length === 1 ? withBytes.parts[0]! : Buffer.concat(withBytes.parts)) : JSON.stringify(input);
  const res = await connection.request({
    method: 'POST',
    path: `/api/${op}`,
    headers: { authorization: `Bearer ${server.token}`, ...(withBytes?.headers ?? { 'content-type': 'application/json' }) },
    body,
  });
  // As the renderer reads it: an export's file is the body, kept as bytes, the rest of its result in a header.
  const header = (name: string) => res.headers[name.toLowerCase()] as string | undefined;
  if (hasFileBody(header)) return { ok: true, result: resultFromBody(header, new Uint8Array(await res.body.arrayBuffer())) };
  return JSON.parse(await res.body.text()) as Envelope;
}
