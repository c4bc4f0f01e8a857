import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { defineConfig, devices, firefox, webkit } from '@playwright/test';

/** Chromium: CHROMIUM_PATH, else a `chromium` on the PATH (Debian's), else Playwright's own browser. */
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    const found = execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], {
      encoding: 'utf8',
    }).trim();
    if (found) return found;
  } catch {
    // No system Chromium: Playwright's own browser is used.
  }
  return undefined;
}

function installed(browser: { executablePath(): string }): boolean {
  try {
    return existsSync(browser.executablePath());
  } catch {
    return false;
  }
}

const executablePath = chromiumPath();
const port = Number(process.env.TEST_PORT ?? 4321);

export default defineConfig({
  testDir: 'tests/browser',
  // The tests load dist/: a run on a build older than src/ would test code that is no longer the source.
  globalSetup: './tests/browser/global-setup.ts',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'off',
  },
  webServer: {
    command: `node scripts/serve.mjs --port ${port}`,
    url: `http://localhost:${port}/dist/cookie-consent-banner.js`,
    reuseExistingServer: !process.env.CI,
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
    ...(installed(firefox) ? [{ name: 'firefox', use: { ...devices['Desktop Firefox'] } }] : []),
    ...(installed(webkit) ? [{ name: 'webkit', use: { ...devices['Desktop Safari'] } }] : []),
  ],
});
