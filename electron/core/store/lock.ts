/**
 * One writer per project. An app (window or browser-mode server) that opens
 * a project writes `PROJECT.lock` beside it, saying who holds it and where;
 * another app finds it and is told so (and may open the project read-only).
 * A lock whose process is gone (same machine, process no longer running) was
 * left by a crash and is taken over.
 */
import fs from 'node:fs';
import os from 'node:os';
import { AppError } from '../../../shared/api/errors';

export interface LockInfo {
  pid: number;
  host: string;
  user: string;
  app: string;
  since: string;
}

export const lockPath = (project: string) => `${project}.lock`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

export function currentLock(project: string): LockInfo | null {
  return readLock(lockPath(project));
}

/** Takes the lock, or throws `project_locked` naming who holds it. Returns the release function. */
export function acquireLock(project: string, app: string, fileName: string): () => void {
  const file = lockPath(project);
  const mine: LockInfo = { pid: process.pid, host: os.hostname(), user: safeUser(), app, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(mine), { flag: 'wx' });
      return () => {
        const held = readLock(file);
        if (held?.pid === mine.pid && held.since === mine.since) fs.rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return () => undefined;
      const held = readLock(file);
      const stale = !held || (held.host === mine.host && (held.pid === process.pid ? false : !alive(held.pid)));
      if (held && held.pid === process.pid && held.host === mine.host) {
        fs.writeFileSync(file, JSON.stringify(mine));
        return () => fs.rmSync(file, { force: true });
      }
      if (!stale) throw new AppError('project_locked', { file: fileName, user: held!.user, host: held!.host, app: held!.app, since: held!.since });
      fs.rmSync(file, { force: true });
    }
  }
  throw new AppError('project_locked', { file: fileName, user: '?', host: '?', app: '?', since: '?' });
}

function safeUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}
