import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect } from 'vitest';
import { repoRoot } from './tempProject';

const bin = path.join(repoRoot, 'bin', 'tematik.mjs');

/** Runs the CLI as a user would, in English. */
export function tematik(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, TEMATIK_LANG: 'en' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the CLI and expects success with nothing on stderr; its output. */
export function ok(cwd: string, ...args: string[]): string {
  const result = tematik(cwd, ...args);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}
