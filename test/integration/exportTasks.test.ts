/**
 * Exports run as tasks on a real project: the dataset as one zip holds every
 * file byte for byte as the CLI writes it, and a .qdpx export cancelled
 * after it began leaves no file, not even half of one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runAsTask } from '../../electron/cli/taskProgress';
import { newCore } from '../helpers/tempProject';

async function sampleProject() {
  const env = newCore();
  await env.run('project.openSample', { path: path.join(env.dir, 'study.tematik'), lang: 'en' });
  return env;
}

describe('exports as tasks', () => {
  it('writes the dataset as one zip of every file, each exactly as export.datasetFile writes it', async () => {
    const env = await sampleProject();
    const options = { excel: true };
    const dataset = await env.run('export.dataset', options);
    const files = unzipSync(dataset.file);
    const names = await env.run('export.datasetFiles');
    expect(dataset).toMatchObject({ fileName: 'study-dataset.zip', files: names.length });
    expect(Object.keys(files)).toEqual(names);
    for (const name of names) expect(Buffer.from(files[name]!).equals(Buffer.from((await env.run('export.datasetFile', { name, ...options })).content)), name).toBe(true);
    expect([...files['codings.csv']!.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('says what a running export is doing, and a cancel leaves no file behind', async () => {
    const env = await sampleProject();
    const out = path.join(env.dir, 'study.qdpx');
    const exporting = env.run('exchange.export', { format: 'qdpx', out, task: 'qdpx-1' });
    expect(await env.run('task.progress', { task: 'qdpx-1' })).toEqual({ step: 'read', done: 0, total: 1, detail: '' });
    expect(await env.run('task.cancel', { task: 'qdpx-1' })).toEqual({ cancelled: true });
    await expect(exporting).rejects.toMatchObject({ code: 'cancelled' });
    expect(fs.readdirSync(env.dir).filter((name) => name.startsWith('study.qdpx'))).toEqual([]);
    expect(await env.run('task.progress', { task: 'qdpx-1' })).toBeNull();

    // The same export left to run writes the whole file.
    await env.run('exchange.export', { format: 'qdpx', out, task: 'qdpx-2' });
    const entries = unzipSync(fs.readFileSync(out));
    expect(Object.keys(entries)[0]).toBe('project.qde');
    expect(Object.keys(entries).filter((name) => name.startsWith('sources/'))).toHaveLength((await env.run('documents.list')).length);
  });

  it('from the command line: shows its progress on a terminal, and Ctrl-C cancels it with nothing written', async () => {
    const env = await sampleProject();
    const out = path.join(env.dir, 'study.qdpx');
    const lines: string[] = [];
    const terminal = { isTTY: true, write: (text: string) => lines.push(text) } as unknown as NodeJS.WriteStream;
    await runAsTask(env.run, 'exchange.export', { format: 'qdpx', out }, 'id', terminal);
    expect(fs.existsSync(out)).toBe(true);
    // The line is cleared once it is done, whatever was shown meanwhile.
    expect(lines.at(-1)).toBe('\r\x1b[K');
    fs.rmSync(out);

    const listeners = process.listenerCount('SIGINT');
    const exporting = runAsTask(env.run, 'exchange.export', { format: 'qdpx', out }, 'en', terminal);
    process.emit('SIGINT');
    await expect(exporting).rejects.toMatchObject({ code: 'cancelled' });
    expect(fs.readdirSync(env.dir).filter((f) => f.includes('.qdpx'))).toEqual([]);
    // Ctrl-C is the shell's own again once the task is over.
    expect(process.listenerCount('SIGINT')).toBe(listeners);
  });
});
