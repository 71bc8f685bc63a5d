import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { OpName, OpResult } from '../../shared/api/contract';
import { Core } from '../../electron/core/core';
import { call } from '../../electron/core/dispatcher';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder, removed after the test. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tematik-test-'));
  made.push(dir);
  return dir;
}

export function newCore(dir = tempDir()): { core: Core; dir: string; run: <K extends OpName>(op: K, input?: unknown) => Promise<OpResult<K>> } {
  const core = new Core({ shell: 'cli', resourceDir: repoRoot, sampleDir: dir, fallbackCoder: 'tester' });
  return { core, dir, run: (op, input = {}) => call(core, op, input) };
}

export function writeFile(dir: string, name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}
