import fs from 'node:fs';
import path from 'node:path';

/**
 * better-sqlite3 compiled for Electron's ABI lives apart from node_modules (see
 * scripts/electron-native.mjs), so the Node build there keeps serving the tests
 * and the CLI. Undefined means "use the default binding".
 */
export function electronNativeBinding(appPath: string): string | undefined {
  const file = path.join(appPath, '.native', 'electron', 'better_sqlite3.node');
  return fs.existsSync(file) ? file : undefined;
}
