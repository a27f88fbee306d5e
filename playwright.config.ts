import { randomBytes } from 'node:crypto';
import { defineConfig } from '@playwright/test';

// Two projects:
// - browser: drives a real browser against `npm run preview` (the headless host serving the same contract).
//   On Linux that is Debian's Chromium at /usr/bin/chromium (never a downloaded browser); on Windows, Edge.
// - electron: launches the real Electron app with `_electron.launch`; Windows CI only (no Electron binary here).
const port = Number(process.env.PREVIEW_PORT ?? 4781);
// The preview serves its page only with this per-run key; workers inherit it from the runner's environment.
process.env.PREVIEW_KEY ??= randomBytes(16).toString('hex');
const onWindows = process.platform === 'win32';
// Set by Windows CI to the packaged end-to-end test build; then only the electron project runs, without a preview.
const electronRun = Boolean(process.env.ADMIN_CONSOLE_E2E_EXE);

// Windows CI runs the browser and the Electron projects one after the other and keeps both reports as
// artifacts, so each run writes its own: Playwright empties outputDir when it starts.
const reportName = electronRun ? 'e2e-electron' : 'e2e';

export default defineConfig({
  testDir: 'e2e',
  outputDir: `test-results/${reportName}`,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  retries: 0,
  workers: 1,
  reporter: [
    ['list'],
    ['json', { outputFile: `test-results/${reportName}.json` }],
    // The HTML report (traces and failure screenshots in one page) is only worth its time where CI uploads it.
    ...(onWindows ? [['html', { open: 'never', outputFolder: `playwright-report/${reportName}` }] as const] : []),
  ],
  use: { baseURL: `http://127.0.0.1:${port}/`, trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  webServer: electronRun
    ? undefined
    : {
        command: `node scripts/preview.mjs --port ${port} --no-open`,
        url: `http://127.0.0.1:${port}/`,
        timeout: 180_000,
        reuseExistingServer: false,
        stdout: 'pipe',
        stderr: 'pipe',
      },
  projects: [
    {
      name: 'browser',
      testIgnore: /\.electron\.spec\.ts$/,
      use: onWindows
        ? { channel: 'msedge' }
        : {
            launchOptions: {
              executablePath: '/usr/bin/chromium',
              // As root in CI Chromium needs --no-sandbox; the rest stop it calling home on a closed network.
              args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
            },
          },
    },
    ...(onWindows ? [{ name: 'electron', testMatch: /\.electron\.spec\.ts$/ }] : []),
  ],
});
