import { test, expect } from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { openConsole } from './console-page';

// A real process in the same Windows (Wine's prefix on Linux) as the preview's host: it shows up in the
// table through NtQuerySystemInformation, the UI terminates it, and it really ends.

/** The preview's host runs under Wine everywhere but on Windows. */
const UNDER_WINE = process.platform !== 'win32';

let child: ChildProcess | undefined;
test.afterEach(() => {
  child?.kill('SIGKILL');
  child = undefined;
});

/** Starts native/test-child.exe in the rig's Windows, as scripts/rig/test-child-command.mjs says to. */
function startTestChild(marker: string): ChildProcess {
  const script = path.join(__dirname, '..', 'scripts', 'rig', 'test-child-command.mjs');
  const how = JSON.parse(execFileSync(process.execPath, [script, 'sleep', '600', marker], { encoding: 'utf8' })) as { command: string; args: string[]; env: Record<string, string> };
  return spawn(how.command, how.args, { stdio: 'ignore', env: { ...process.env, ...how.env } });
}

test('filter to a spawned process, open its details, terminate it after confirming, and see it leave', async ({ page }) => {
  const marker = `e2e-${Date.now()}`;
  child = startTestChild(marker);
  const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));

  await openConsole(page);
  await page.getByRole('tab', { name: 'Processes' }).click();
  const table = page.getByTestId('process-table');
  await expect(table).toBeVisible();
  await page.getByTestId('process-filter').fill(marker);
  const rows = table.getByTestId('process-row');
  await expect(rows).toHaveCount(1, { timeout: 30_000 });
  await expect(rows.first()).toContainText('test-child.exe');
  // Unknown is not zero: Wine leaves private bytes empty, so the default Private bytes column shows the
  // Unreported marker with the reason (on Windows the figure itself).
  const privateCell = rows.first().locator('[data-col="privateBytes"]');
  if (UNDER_WINE) {
    await expect(privateCell.getByTestId('unreported')).toHaveAttribute('data-reason', 'Wine does not report private bytes');
    await expect(rows.first()).not.toContainText('0 bytes');
  } else {
    await expect(rows.first().getByTestId('unreported')).toHaveCount(0);
  }
  await page.screenshot({ path: 'test-results/screenshots/processes-table.png' });

  await rows.first().click();
  const details = page.getByTestId('process-details');
  await expect(details).toBeVisible();
  await expect(details.getByTestId('process-details-command-line')).toContainText(marker);
  await details.getByTestId('process-details-load-modules').click();
  await expect(details.getByTestId('process-modules')).toContainText(/ntdll\.dll/i);
  if (UNDER_WINE) {
    for (const [field, what] of [
      ['privateBytes', 'private bytes'],
      ['basePriority', 'base priority'],
      ['ioReadBytes', 'I/O read bytes'],
      ['diskReadBytes', 'disk read bytes'],
    ] as const) {
      await expect(details.locator(`dd[data-field="${field}"]`).getByTestId('unreported')).toHaveAttribute('data-reason', `Wine does not report ${what}`);
    }
    // The screenshot shows the general fields with the unknown ones marked.
    await details.locator('dd[data-field="privateBytes"]').scrollIntoViewIfNeeded();
  }
  await page.screenshot({ path: 'test-results/screenshots/processes-details.png' });

  // In Electron the confirmation is a native dialog the main process owns. The preview only stands in for it:
  // the bridge shows the browser's own confirm() when the host asks. (That the page cannot answer it is proven
  // by the unit and core tests of the main-process side, not here.)
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.accept();
  });
  await rows.first().click({ button: 'right' });
  await page.getByTestId('process-menu-terminate').click();
  await expect(rows).toHaveCount(0, { timeout: 15_000 });
  expect(dialogs).toHaveLength(1);
  expect(dialogs[0]).toContain('Terminate processes');
  expect(dialogs[0]).toContain('test-child.exe');
  // It really ended. (Wine does not hand a GUI program's exit code to the Linux `wine` process, so the exit
  // code our TerminateProcess gives is asserted in the Win32 suite, control.win32.test.ts.)
  await exited;
});

test('declining the confirmation leaves the process running', async ({ page }) => {
  const marker = `e2e-keep-${Date.now()}`;
  child = startTestChild(marker);
  await openConsole(page);
  await page.getByRole('tab', { name: 'Processes' }).click();
  await page.getByTestId('process-filter').fill(marker);
  const rows = page.getByTestId('process-table').getByTestId('process-row');
  await expect(rows).toHaveCount(1, { timeout: 30_000 });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await rows.first().click({ button: 'right' });
  await page.getByTestId('process-menu-terminate').click();
  await expect(page.getByTestId('processes-status')).toContainText('Cancelled', { timeout: 10_000 });
  expect(dialogs).toHaveLength(1);
  expect(dialogs[0]).toContain('Terminate processes');
  await page.waitForTimeout(1500);
  await expect(rows).toHaveCount(1);
  expect(child.exitCode).toBeNull();
});
