// Whether a bundle in out/ is newer than every TypeScript source it was built
// from: the CLI and browser mode run the bundle when it is, the sources
// through tsx when it is not, so an edit is never hidden behind a stale bundle.
import fs from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

export function bundleIsFresh(bundle) {
  try {
    const built = fs.statSync(bundle).mtimeMs;
    return built >= newestSource(path.join(root, 'electron')) && built >= newestSource(path.join(root, 'shared'));
  } catch {
    return false;
  }
}

/** How to start browser mode's server: the bundle when fresh, else the sources through tsx. */
export function serverCommand() {
  const bundle = path.join(root, 'out', 'server', 'main.mjs');
  return bundleIsFresh(bundle) ? [bundle] : ['--import', 'tsx', path.join(root, 'electron', 'server', 'main.ts')];
}
