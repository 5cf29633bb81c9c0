import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    // Vitest's default is one worker per CPU minus one: a single worker on a 2-core machine. Most
    // tests wait on PostgreSQL, Chromium or a spawned server rather than compute, so three overlap
    // those waits (the CI's two full runs stay well under 20 minutes).
    maxWorkers: 3,
    minWorkers: 1,
    // a browser story on a loaded CI machine (three workers, two cores) can take a minute
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Browser tests poll the page; on a loaded CI machine a render after a request can take several
    // seconds and a fresh page load 5–15 s. A poll ends as soon as its state holds: only failures wait this long.
    expect: { poll: { timeout: 30_000 } },
    reporters: ['default'],
  },
});
