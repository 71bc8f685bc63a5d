/**
 * The core's state for one shell (an Electron window, the HTTP server, a CLI
 * run): which project is open and the options the shell was started with.
 * Knows nothing of Electron, HTTP or React.
 */
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../shared/api/errors';
import type { AppInfo, ProjectInfo } from '../../shared/model/types';
import { Project } from './project';
import { backupsBesideFile } from './store/backups';
import { acquireLock } from './store/lock';
import { riskyLocation } from './store/location';
import { openProjectFile } from './store/projectFile';
import { TaskBoard } from './tasks';

export interface CoreOptions {
  shell: AppInfo['shell'];
  /** Folder holding `fixtures/` (the sample study and starter codebooks). */
  resourceDir: string;
  /** Where "Open sample study" writes its project when no path is given. */
  sampleDir: string;
  nativeBinding?: string;
  /** Coder used when a project has none set (the CLI uses the OS user). */
  fallbackCoder?: string;
  /** Apps (a window, the browser-mode server) hold a lock on their project and check its integrity on open; the CLI does neither. */
  app?: boolean;
}

export class Core {
  readonly options: CoreOptions;
  private current: Project | null = null;
  private releaseLock: (() => void) | null = null;
  /** The operating system's user name, asked once: every write records a coder. */
  private user: string | null = null;
  /** Operations running now, and when the last one ended: background work waits for a quiet moment. */
  readonly activity = { running: 0, lastEndedAt: 0 };
  /** Long operations running now, found by the id their caller gave them. */
  readonly tasks = new TaskBoard();

  constructor(options: CoreOptions) {
    this.options = options;
  }

  get project(): Project | null {
    return this.current;
  }

  requireProject(): Project {
    if (!this.current) throw new AppError('no_project');
    return this.current;
  }

  open(filePath: string, create: boolean, options: { readOnly?: boolean } = {}): Project {
    const file = path.resolve(filePath);
    const readOnly = options.readOnly === true && !create;
    const release = this.options.app && !readOnly ? acquireLock(file, this.options.shell, path.basename(file)) : null;
    try {
      const db = openProjectFile(filePath, { create, nativeBinding: this.options.nativeBinding, readOnly, check: this.options.app === true });
      this.close();
      this.current = new Project(db, filePath, readOnly, this.options.nativeBinding);
      this.releaseLock = release;
      return this.current;
    } catch (error) {
      release?.();
      // A damaged project: say which backup can take its place.
      if (error instanceof AppError && error.code === 'project_damaged') {
        const [newest] = backupsBesideFile(file, this.options.nativeBinding);
        throw new AppError('project_damaged', { ...error.params, backup: newest ?? '' });
      }
      throw error;
    }
  }

  close(): void {
    this.current?.close();
    this.current = null;
    this.releaseLock?.();
    this.releaseLock = null;
  }

  currentCoder(project: Project): string {
    return project.meta('current_coder') ?? this.options.fallbackCoder ?? (this.user ??= osUser());
  }

  projectInfo(): ProjectInfo | null {
    const project = this.current;
    if (!project) return null;
    return {
      path: project.path,
      name: project.name,
      schemaVersion: project.schemaVersion,
      currentCoder: project.meta('current_coder'),
      readOnly: project.readOnly,
      risk: riskyLocation(project.path),
    };
  }
}

function osUser(): string {
  try {
    return os.userInfo().username || 'coder';
  } catch {
    return 'coder';
  }
}
