import { defineConfig } from 'vitest/config';

// Generous timeouts: end-to-end tests run real servers, worker threads, Astro builds and
// Chromium on a 2-core machine. Speed is measured by `npm run bench`, never asserted here.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    teardownTimeout: 60_000,
  },
});
