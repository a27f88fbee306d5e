import { test, expect, _electron as electron } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeApiShape, expectedApiShape } from '../src-preload/contract/api-shape';

// Windows CI only (the Electron binary cannot be downloaded on the Linux machines). Launches the packaged
// end-to-end test build named by ADMIN_CONSOLE_E2E_EXE (electron-builder.e2e.yml: the release build with the
// inspect fuse on, so Playwright can attach), or else the unpackaged build in out/ (`npm run build` first).
test('the real Electron app shows a live Performance view in a sandboxed, isolated window', async () => {
  // An unpackaged run may move the data folder (the packaged app ignores this variable), so the test does not
  // touch the workstation's real %ProgramData%\Admin Console.
  const dataFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-console-e2e-'));
  const packagedExe = process.env.ADMIN_CONSOLE_E2E_EXE;
  const app = packagedExe
    ? // The packaged build ignores ADMIN_CONSOLE_DATA_FOLDER and uses %ProgramData%\Admin Console, as installed.
      await electron.launch({ executablePath: packagedExe, args: [] })
    : await electron.launch({
        args: [path.join(__dirname, '..', 'out', 'main', 'index.js')],
        env: { ...process.env, ADMIN_CONSOLE_DATA_FOLDER: dataFolder },
      });
  try {
    const page = await app.firstWindow();
    await expect(page).toHaveURL(/^app:\/\/console\//);
    await expect(page.getByRole('tab', { name: 'Performance' })).toHaveAttribute('aria-selected', 'true');

    // The page sees only the frozen contract API: no Node, no ipcRenderer, no generic invoke. The expected
    // shape comes from the contract (one object per domain, one function per channel, plus on), so this
    // test follows every channel added; api-shape.test.ts proves the derivation matches the real preload.
    const surface = await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      frozen: Object.isFrozen((globalThis as unknown as { adminConsole: object }).adminConsole),
    }));
    expect(surface).toEqual({ require: 'undefined', process: 'undefined', frozen: true });
    const shape = await page.evaluate(describeApiShape, await page.evaluateHandle(() => (globalThis as unknown as { adminConsole: object }).adminConsole));
    expect(shape).toEqual(expectedApiShape());

    const samples = page.getByTestId('performance-sample-count');
    await expect(samples).not.toHaveText('0');
    const first = Number(await samples.textContent());
    await expect.poll(async () => Number(await samples.textContent()), { timeout: 15_000 }).toBeGreaterThan(first + 1);
    await page.screenshot({ path: path.join('test-results', 'screenshots', 'electron-performance.png') });

    // Navigation away and window.open are denied for every webContents.
    await page.evaluate(() => {
      window.open('https://example.com');
      location.href = 'https://example.com';
    });
    await page.waitForTimeout(500);
    expect(app.windows()).toHaveLength(1);
    await expect(page).toHaveURL(/^app:\/\/console\//);
  } finally {
    await app.close();
  }
});
