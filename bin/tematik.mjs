#!/usr/bin/env node
// Runs the bundled CLI (out/cli/tematik.mjs, built on install and by `npm run build`)
// when it is newer than every source file; otherwise runs the TypeScript sources
// through tsx, so an edit is never hidden behind a stale bundle.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bundle = path.join(root, 'out', 'cli', 'tematik.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function bundleIsFresh() {
  try {
    const built = fs.statSync(bundle).mtimeMs;
    return built >= newestSource(path.join(root, 'electron')) && built >= newestSource(path.join(root, 'shared'));
  } catch {
    return false;
  }
}

if (bundleIsFresh()) {
  await import(bundle);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../electron/cli/main.ts');
}
