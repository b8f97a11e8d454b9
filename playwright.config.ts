import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { START_ARGS } from './scripts/start-args.mjs';

// One production server for the suite, on a fresh events directory. The config is evaluated again
// in each worker; the env vars set here on first evaluation are inherited, so all agree on them.
process.env.E2E_EVENTS_DIR ??= mkdtempSync(join(tmpdir(), 'shelf-e2e-'));
process.env.E2E_PORT ??= '3100';
process.env.E2E_ADMIN_PASSWORD ??= 'correct horse battery staple';
// At least 16 characters: the server refuses to start with a shorter ADMIN_TOKEN.
process.env.E2E_ADMIN_TOKEN ??= 'e2e-api-token-for-tests';

export const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  forbidOnly: true,
  retries: 0,
  // The suites now start several servers of their own and log in often: 60 s a test, 10 s an
  // expectation, so a busy 2-core machine slows them down without failing them.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--headless',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    // The front door, as `npm start` runs it (server/front-door.mjs in front of Next).
    command: ['node', ...START_ARGS].join(' '),
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    // npm start builds first when the build is not the build of these sources (scripts/fresh-build.mjs).
    timeout: 600_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: process.env.E2E_PORT,
      EVENTS_DIR: process.env.E2E_EVENTS_DIR,
      ADMIN_PASSWORD: process.env.E2E_ADMIN_PASSWORD,
      ADMIN_TOKEN: process.env.E2E_ADMIN_TOKEN,
      // The shared server takes bursts of orders from one client (e2e/orderbook.spec.ts); the limits
      // themselves are tested on servers of their own (e2e/safe-expose.spec.ts).
      ORDERBOOK_RATE_LIMIT: '0',
      ORDERBOOK_GLOBAL_RATE_LIMIT: '0',
      SITE_URL: baseURL,
      SHELF_OWNER_NAME: 'Ada Reader',
      SHELF_OWNER_BIO: 'I read, watch and play things, and note them here.',
    },
  },
});
