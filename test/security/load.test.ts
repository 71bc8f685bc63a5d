/**
 * Fifty browser tabs coding at once on one project in browser mode: no
 * request fails and every acknowledged coding is in the file afterwards.
 * `npm run bench -- --only load` runs the full 10,000 operations.
 */
import { describe, expect, it } from 'vitest';
import { runLoad } from '../../scripts/bench/load';

describe('concurrent clients', () => {
  it('takes 1,000 codings from 50 clients at once without an error or a lost coding', { timeout: 120_000 }, async () => {
    const report = await runLoad(50, 1000);
    expect(report.errors).toEqual([]);
    expect(report.missing).toBe(0);
    expect(report.p95_ms).toBeGreaterThan(0);
  });
});
