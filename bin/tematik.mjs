#!/usr/bin/env node
// Runs the bundled CLI (out/cli/tematik.mjs, built on install and by `npm run build`)
// when it is newer than every source file; otherwise runs the TypeScript sources
// through tsx, so an edit is never hidden behind a stale bundle.
import path from 'node:path';
import { bundleIsFresh, root } from '../scripts/fresh.mjs';

const bundle = path.join(root, 'out', 'cli', 'tematik.mjs');

if (bundleIsFresh(bundle)) {
  await import(bundle);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../electron/cli/main.ts');
}
