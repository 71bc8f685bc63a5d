/**
 * `npm run serve -- PROJECT [--sample] [--port N]`: browser mode. Opens (or
 * creates) the project, serves the built renderer and the API on 127.0.0.1,
 * and prints the URL with its one-run token.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/api/errors';
import { Core } from '../core/core';
import { call } from '../core/dispatcher';
import { startBackgroundUpkeep } from '../core/backgroundUpkeep';
import { startAutoBackups } from '../core/store/autoBackup';
import { startServer } from './httpServer';

const resourceDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string', default: '0' },
    sample: { type: 'boolean', default: false },
    lang: { type: 'string', default: 'id' },
    'read-only': { type: 'boolean', default: false },
  },
});

const projectPath = positionals[0];
if (!projectPath) {
  process.stderr.write('usage: npm run serve -- PROJECT.tematik [--sample] [--lang id|en] [--port N] [--read-only]\n');
  process.exit(2);
}

const staticDir = path.join(resourceDir, 'out', 'renderer');
if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
  process.stderr.write('tematik: the renderer is not built; run `npm run build` first.\n');
  process.exit(1);
}

const core = new Core({ shell: 'browser', resourceDir, sampleDir: path.dirname(path.resolve(projectPath)), app: true });
try {
  if (values.sample) await call(core, 'project.openSample', { path: projectPath, lang: values.lang });
  else if (fs.existsSync(projectPath)) await call(core, 'project.open', { path: projectPath, readOnly: values['read-only'] });
  else await call(core, 'project.create', { path: projectPath });
} catch (error) {
  process.stderr.write(`tematik: ${error instanceof AppError ? error.message : String(error)}\n`);
  process.exit(1);
}

const server = await startServer({ core, staticDir, port: Number(values.port) });
startAutoBackups(core, (error) => process.stderr.write(`tematik: automatic backup failed: ${error instanceof Error ? error.message : String(error)}\n`));
startBackgroundUpkeep(core, (error) => process.stderr.write(`tematik: background upkeep failed: ${error instanceof Error ? error.message : String(error)}\n`));
process.stdout.write(`Tematik is serving ${core.project!.path}\nOpen ${server.openUrl}\n`);

const shutdown = () => {
  void server.close().then(() => {
    core.close();
    process.exit(0);
  });
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
