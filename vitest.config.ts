import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Browser tests poll the page; on a loaded CI machine one second is too short for a render after a request.
    expect: { poll: { timeout: 10_000 } },
    reporters: ['default'],
  },
});
