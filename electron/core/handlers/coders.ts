import type { Project } from '../project';

/** Id of the coder with this name, created on first use. */
export function ensureCoder(project: Project, name: string): number {
  const id = project.stmt('SELECT id FROM coders WHERE name = ?').pluck().get(name) as number | undefined;
  return id ?? Number(project.stmt('INSERT INTO coders(name) VALUES (?)').run(name).lastInsertRowid);
}
