// Bundles the CLI into out/cli/tematik.mjs and browser mode's server into
// out/server/main.mjs, so each starts in a third of the time (and with a
// fraction of the memory) tsx needs. Runs on `npm install` (prepare) and
// `npm run build`.
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' };
await build({ ...common, entryPoints: [path.join(root, 'electron', 'cli', 'main.ts')], outfile: path.join(root, 'out', 'cli', 'tematik.mjs') });
await build({ ...common, entryPoints: [path.join(root, 'electron', 'server', 'main.ts')], outfile: path.join(root, 'out', 'server', 'main.mjs') });
