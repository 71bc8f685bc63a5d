/** Browser mode as a child process, as a researcher starts it: the URL, port and token it prints, and a way to stop it. */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { Envelope } from '../../shared/api/envelope';
import { bodyOfInput } from '../../shared/api/bytesBody';
import { resultFromBody } from '../../shared/api/fileBody';
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

/** One API request over `agent`'s connections, with the token as a bearer header; the envelope as the server sent it. */
export function callApi(server: { port: number; token: string }, agent: http.Agent, op: string, input: unknown): Promise<Envelope> {
  return new Promise((resolve, reject) => {
    // As the renderer sends it: an upload's bytes as the body, the rest of the input in a header.
    const withBytes = bodyOfInput(input);
    const parts = withBytes?.parts ?? [Buffer.from(JSON.stringify(input))];
    const headers = withBytes?.headers ?? { 'Content-Type': 'application/json' };
    const length = parts.reduce((sum, part) => sum + part.byteLength, 0);
    const req = http.request(
      { host: '127.0.0.1', port: server.port, method: 'POST', path: `/api/${op}`, agent, headers: { Authorization: `Bearer ${server.token}`, ...headers, 'Content-Length': length } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          // As the renderer reads it: an export's file is the body, the rest of its result in a header.
          const result = resultFromBody((name) => res.headers[name.toLowerCase()] as string | undefined, text);
          resolve(result ? { ok: true, result } : (JSON.parse(text) as Envelope));
        });
      },
    );
    req.on('error', reject);
    req.end(parts.length === 1 ? parts[0] : Buffer.concat(parts));
  });
}
