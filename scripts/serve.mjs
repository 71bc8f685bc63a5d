// `npm run serve -- PROJECT`: build the renderer, then start browser mode.
import { spawnSync, spawn } from 'node:child_process';

const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const server = spawn(process.execPath, ['--import', 'tsx', 'electron/server/main.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
server.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
