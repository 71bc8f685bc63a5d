import type { Project } from '../project';

/** Id of the coder with this name, created on first use. */
export function ensureCoder(project: Project, name: string): number {
  project.stmt('INSERT INTO coders(name) VALUES (?) ON CONFLICT(name) DO NOTHING').run(name);
  return (project.stmt('SELECT id FROM coders WHERE name = ?').get(name) as { id: number }).id;
}
