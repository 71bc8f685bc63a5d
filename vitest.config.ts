import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Integration and end-to-end tests spawn processes and browsers; two cores.
    maxWorkers: 2,
  },
});
