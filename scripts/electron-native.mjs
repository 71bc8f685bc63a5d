// Builds better-sqlite3 for Electron's ABI into .native/electron/, leaving the
// Node build in node_modules untouched for the tests and the CLI. `npm start`
// runs it; it does nothing when the Electron build is already up to date.
// The main process loads the result through better-sqlite3's `nativeBinding`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const electronVersion = require('electron/package.json').version;
const sqliteDir = path.dirname(require.resolve('better-sqlite3/package.json'));
const sqliteVersion = require('better-sqlite3/package.json').version;
const outDir = path.join(root, '.native', 'electron');
const binding = path.join(outDir, 'better_sqlite3.node');
const stampFile = path.join(outDir, 'stamp.json');
const stamp = JSON.stringify({ electronVersion, sqliteVersion, arch: process.arch, platform: process.platform });

if (fs.existsSync(binding) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) process.exit(0);

console.log(`Preparing better-sqlite3 ${sqliteVersion} for Electron ${electronVersion}…`);
const work = path.join(outDir, 'better-sqlite3');
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });
fs.cpSync(sqliteDir, work, { recursive: true, filter: (src) => !src.includes(`${path.sep}build${path.sep}`) && !src.endsWith(`${path.sep}build`) });

// Build for Electron, not for the Node headers an npm config may point node-gyp at.
const env = { ...process.env };
for (const key of Object.keys(env)) if (/^npm_config_(nodedir|target|runtime|disturl|dist_url)$/i.test(key)) delete env[key];

const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const attempts = [
  [bin('prebuild-install'), ['--runtime', 'electron', '--target', electronVersion, '--arch', process.arch]],
  [bin('node-gyp'), ['rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers']],
];
let built = false;
for (const [command, args] of attempts) {
  if (!fs.existsSync(command)) continue;
  const result = spawnSync(command, args, { cwd: work, env, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status === 0 && fs.existsSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'))) {
    built = true;
    break;
  }
}
if (!built) {
  console.error('Could not build better-sqlite3 for Electron. `npm test`, the CLI and browser mode (`npm run serve`) still work.');
  process.exit(1);
}
fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), binding);
fs.writeFileSync(stampFile, stamp);
fs.rmSync(work, { recursive: true, force: true });
console.log(`better-sqlite3 for Electron ${electronVersion} is ready.`);
