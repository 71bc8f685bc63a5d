const KEY = 'tematik.recentProjects';
const LIMIT = 8;

export function recentProjects(): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberProject(path: string): void {
  localStorage.setItem(KEY, JSON.stringify([path, ...recentProjects().filter((p) => p !== path)].slice(0, LIMIT)));
}
