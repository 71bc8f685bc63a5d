import fs from 'node:fs';
import path from 'node:path';

/** Written beside the destination and renamed, so that a failure never leaves half a file and a reader never sees one. */
export function writeAtomically(file: string, content: string | Uint8Array): void {
  const target = path.resolve(file);
  const partial = `${target}.partial-${process.pid}`;
  try {
    fs.writeFileSync(partial, content);
    fs.renameSync(partial, target);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}
