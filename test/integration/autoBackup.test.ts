import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startAutoBackups } from '../../electron/core/store/autoBackup';
import { newCore } from '../helpers/tempProject';

const ticks = (n: number) => new Promise((resolve) => setTimeout(resolve, n * 25));

describe('automatic backups in the apps', () => {
  it('back up a project with something in it as soon as it is opened, and an empty new one only at the interval', async () => {
    const { core, run, dir } = newCore();
    const errors: unknown[] = [];
    await run('project.create', { path: path.join(dir, 'new.tematik') });
    const stop = startAutoBackups(core, (error) => errors.push(error), 25);
    await ticks(4);
    // Nothing to keep yet, and after the first change the interval (ten minutes) has not passed.
    expect(await run('project.backups')).toEqual([]);
    await run('codes.create', { name: 'Fleksibilitas' });
    await ticks(4);
    expect(await run('project.backups')).toEqual([]);

    await run('project.openSample', { path: path.join(dir, 'sample.tematik'), lang: 'id' });
    await expect.poll(async () => (await run('project.backups')).map((b) => b.kind), { timeout: 5_000 }).toEqual(['open']);
    const [backup] = await run('project.backups');
    expect(backup!.since).toEqual({ documents: 0, codes: 0, codings: 0 });
    stop();
    expect(errors).toEqual([]);
    core.close();
  });
});
