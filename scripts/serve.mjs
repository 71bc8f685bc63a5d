// `npm run serve -- PROJECT`: build the renderer and the server, then start browser mode.
import { spawnSync, spawn } from 'node:child_process';
import { serverCommand } from './fresh.mjs';

const build = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const server = spawn(process.execPath, [...serverCommand(), ...process.argv.slice(2)], { stdio: 'inherit' });
server.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
