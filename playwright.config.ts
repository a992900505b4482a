import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests: Debian's Chromium with the built extension (tests/harness/launch.ts), one fresh
 * profile per test. Tests never build: `npm run test:e2e` builds both folders first.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    actionTimeout: 10_000,
    navigationTimeout: 15_000,
  },
});
