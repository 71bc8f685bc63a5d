// Bundles the CLI into out/cli/tematik.mjs so each `tematik` call starts in a
// third of the time tsx needs. Runs on `npm install` (prepare) and `npm run build`.
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
await build({
  entryPoints: [path.join(root, 'electron', 'cli', 'main.ts')],
  outfile: path.join(root, 'out', 'cli', 'tematik.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
