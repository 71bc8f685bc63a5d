/**
 * The process the torture run kills: it opens (or creates) a project,
 * imports a folder, then codes passages one operation at a time. After each
 * operation returns — committed — it writes one line to stdout with what was
 * acknowledged, straight to the file descriptor so nothing waits in a buffer.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Core } from '../../electron/core/core';
import { call } from '../../electron/core/dispatcher';

const [projectPath, folder, countText, seedText] = process.argv.slice(2);
const pause = new Int32Array(new SharedArrayBuffer(4));
const ack = (line: string) => {
  const bytes = Buffer.from(`${line}\n`);
  for (let at = 0; at < bytes.length; ) {
    try {
      at += fs.writeSync(1, bytes, at);
    } catch (error) {
      // The pipe is full while the parent catches up (it can be, now that codings come quicker): wait for room,
      // asleep rather than spinning on a core the parent needs to read.
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(pause, 0, 0, 1);
    }
  }
};
let seed = Number(seedText) || 1;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

const core = new Core({ shell: 'cli', resourceDir: process.cwd(), sampleDir: path.dirname(projectPath!), fallbackCoder: 'torture' });
await call(core, fs.existsSync(projectPath!) ? 'project.open' : 'project.create', { path: projectPath });
const files = fs.readdirSync(folder!).map((f) => path.join(folder!, f));
for (const file of files) {
  for (const outcome of await call(core, 'documents.importFiles', { paths: [file] })) if (outcome.status !== 'failed') ack(`document ${outcome.status === 'imported' ? outcome.document : outcome.document}`);
}
let codes = await call(core, 'codes.list', {});
if (codes.length < 5) {
  for (let i = codes.length; i < 5; i++) ack(`code ${(await call(core, 'codes.create', { name: `Theme ${i + 1}` })).uuid}`);
  codes = await call(core, 'codes.list', {});
}
const documents = await call(core, 'documents.list', {});
for (let i = 0; i < Number(countText); i++) {
  const doc = documents[Math.floor(random() * documents.length)]!;
  const start = Math.floor(random() * (doc.length - 60));
  const coding = await call(core, 'codings.create', { documentId: doc.id, codeId: codes[Math.floor(random() * codes.length)]!.id, start, end: start + 10 + Math.floor(random() * 50) });
  ack(`coding ${coding.uuid}`);
}
core.close();
ack('done');
