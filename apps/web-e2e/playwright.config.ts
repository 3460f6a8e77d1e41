import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './src/support/chromium';

const outputRoot = join(__dirname, '..', '..', 'test-output', 'web-e2e');

/**
 * Browser tests in Debian's Chromium against the production builds: the built API serving the
 * built web app, on its own SQLite file (started by global-setup). No browser is downloaded.
 */
export default defineConfig({
  testDir: './src',
  testMatch: '**/*.e2e.ts',
  outputDir: join(outputRoot, 'artifacts'),
  globalSetup: './src/support/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [
    ['list'],
    [join(__dirname, '..', '..', 'tools', 'playwright', 'summary-reporter.cjs'), { name: 'web-e2e.e2e' }],
  ],
  use: {
    baseURL: process.env['MAILROUTE_E2E_BASE_URL'],
    headless: true,
    locale: 'en-GB',
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
});
