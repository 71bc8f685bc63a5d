import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    // End-to-end assertions wait for the screen; a loaded CI machine needs more than a second.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 60_000,
    // Integration and end-to-end tests spawn processes and browsers; two cores.
    maxWorkers: 2,
  },
});
