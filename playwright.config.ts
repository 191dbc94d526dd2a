import { defineConfig } from '@playwright/test';

// A fresh data directory per run, shared with the test workers (they inherit the environment):
// the server writes its operator token there, and the jobs test reads it back.
process.env.SAFER_E2E_DATA_DIR ??= `.tmp/e2e-data-${Date.now()}-${process.pid}`;
const dataDir = process.env.SAFER_E2E_DATA_DIR;
// A port of this run's own (workers inherit it), so runs side by side do not meet on one port.
process.env.SAFER_E2E_PORT ??= String(20_000 + (process.pid % 20_000));
const port = Number(process.env.SAFER_E2E_PORT);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: 'en-US',
    screenshot: 'on',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    // Builds the web app into dist/web, then starts the real server on an empty store.
    command: 'node e2e/start-server.js',
    url: `http://localhost:${port}/api/v1/health`,
    env: {
      PORT: String(port),
      SAFER_DATA_DIR: dataDir,
      SAFER_DEMO: '0',
      LOG_LEVEL: 'warn',
    },
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
});
