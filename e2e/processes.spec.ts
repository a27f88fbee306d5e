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
function startTestChild(marker: string, mode: readonly string[] = ['sleep', '600']): ChildProcess {
  const script = path.join(__dirname, '..', 'scripts', 'rig', 'test-child-command.mjs');
  const how = JSON.parse(execFileSync(process.execPath, [script, ...mode, marker], { encoding: 'utf8' })) as { command: string; args: string[]; env: Record<string, string> };
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

/** test-child.exe's path as the rig's Windows sees it (Z:\... under Wine). */
function testChildProgram(): string {
  const script = path.join(__dirname, '..', 'scripts', 'rig', 'test-child-command.mjs');
  const how = JSON.parse(execFileSync(process.execPath, [script], { encoding: 'utf8' })) as { command: string; args: string[] };
  const exe = how.command === 'wine' ? how.args[0]! : how.command;
  return how.command === 'wine' ? `Z:${exe.replace(/\//g, '\\')}` : exe;
}

test('a process whose window stops taking messages reads Not responding (and `hung` finds it); one that keeps pumping does not', async ({ page }) => {
  test.setTimeout(90_000);
  const marker = `e2e-hung-${Date.now()}`;
  // test-child.c mode_window: a visible top-level window, pumping messages or (hung-window) never again after it is shown.
  child = startTestChild(marker, ['hung-window', '120']);
  const pumping = startTestChild(marker, ['window', '120']);
  try {
    await openConsole(page);
    await page.getByRole('tab', { name: 'Processes' }).click();
    await page.getByTestId('process-filter').fill(marker);
    const rows = page.getByTestId('process-table').getByTestId('process-row');
    await expect(rows).toHaveCount(2, { timeout: 30_000 });
    // Windows (and Wine) call a window hung after 5 s without taking a message; then the next tick says so.
    await page.getByTestId('process-filter').fill(`${marker} cmd:hung-window`);
    await expect(rows).toHaveCount(1);
    const status = rows.first().locator('[data-col="status"]');
    await expect(status).toContainText('Not responding', { timeout: 30_000 });
    await expect(status).toHaveAttribute('title', /Not responding: .*5 seconds/);
    await page.screenshot({ path: 'test-results/screenshots/processes-not-responding.png' });
    await page.getByTestId('process-filter').fill(`${marker} -cmd:hung-window`);
    await expect(rows).toHaveCount(1);
    await expect(rows.first().locator('[data-col="status"]')).not.toContainText('Not responding');
    // The structured filter's flag: `hung` keeps only the frozen one, `-hung` only the pumping one.
    await page.getByTestId('process-filter').fill(`${marker} hung`);
    await expect(rows).toHaveCount(1);
    await page.getByTestId('process-filter').fill(`${marker} hung -cmd:hung-window`);
    await expect(rows).toHaveCount(0);
    await page.getByTestId('process-filter').fill(`${marker} -hung cmd:hung-window`);
    await expect(rows).toHaveCount(0);
    await page.getByTestId('process-filter').fill(`${marker} -hung`);
    await expect(rows).toHaveCount(1);
  } finally {
    pumping.kill('SIGKILL');
  }
});

test('the Status column names the console job a process is in, says Suspended where Windows reports it, and the menu marks the priority', async ({ page }) => {
  test.setTimeout(150_000);
  const marker = `e2e-status-${Date.now()}`;
  const job = `E2E status ${Date.now().toString(36)}`;
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.accept();
  });
  await openConsole(page);
  await page.getByRole('tab', { name: 'Jobs' }).click();
  await page.getByTestId('job-new').click();
  await page.getByTestId('job-new-name').fill(job);
  await page.getByTestId('job-new-source-template').check();
  await page.getByTestId('job-new-template').selectOption('Contained command');
  await page.getByTestId('job-new-create').click();
  const jobRow = page.locator(`[data-testid="job-row"][data-name="${job}"]`);
  await expect(jobRow).toBeVisible({ timeout: 15_000 });
  try {
    await jobRow.click();
    await page.getByTestId('job-launch').click();
    await page.getByTestId('job-launch-command').fill(`"${testChildProgram()}" sleep 120 ${marker}`);
    await page.getByTestId('job-launch-confirm').click();
    await expect(page.getByTestId('job-details').getByTestId('job-member-row')).toHaveCount(1, { timeout: 20_000 });

    await page.getByRole('tab', { name: 'Processes' }).click();
    await page.getByTestId('process-filter').fill(marker);
    const rows = page.getByTestId('process-table').getByTestId('process-row');
    // The tree also shows its parent (this console's host) as context: take the child's own row.
    const row = rows.filter({ hasText: 'test-child.exe' });
    await expect(row).toHaveCount(1, { timeout: 30_000 });
    const status = row.locator('[data-col="status"]');
    // The console's own job is named in words, and badged on the name like any other job.
    await expect(status).toContainText(`In job ${job}`);
    await expect(row.getByTestId('process-console-job-badge')).toHaveAttribute('title', `In the console's job ${job}`);

    // The menu marks the current priority (read with GetPriorityClass: Wine leaves base priority empty).
    await row.click({ button: 'right' });
    await expect(page.getByTestId('process-menu-priority-normal')).toHaveAttribute('aria-checked', 'true');
    await page.getByTestId('process-menu-priority-belowNormal').click();
    await expect(page.getByTestId('processes-status')).toContainText('Set the priority of test-child.exe', { timeout: 10_000 });
    await row.click({ button: 'right' });
    await expect(page.getByTestId('process-menu-priority-belowNormal')).toHaveAttribute('aria-checked', 'true');
    await expect(page.getByTestId('process-menu-priority-normal')).toHaveAttribute('aria-checked', 'false');

    await page.getByTestId('process-menu-suspend').click();
    await expect(page.getByTestId('processes-status')).toContainText('Suspended test-child.exe', { timeout: 10_000 });
    if (UNDER_WINE) {
      // Wine leaves every thread state empty: whether it is suspended is unknown, and the cell says why.
      await expect(status).toHaveAttribute('title', /Suspended or not: unknown \(Wine does not report thread states/);
      await expect(status).not.toContainText('Suspended');
      await expect(status).not.toContainText('Running');
    } else {
      await expect(status).toContainText(`Suspended, In job ${job}`, { timeout: 10_000 });
    }
    await page.screenshot({ path: 'test-results/screenshots/processes-status.png' });

    await row.click({ button: 'right' });
    await page.getByTestId('process-menu-resume').click();
    await expect(page.getByTestId('processes-status')).toContainText('Resumed test-child.exe', { timeout: 10_000 });
    if (!UNDER_WINE) await expect(status).not.toContainText('Suspended', { timeout: 10_000 });

    // The outcome is about that process: once another is selected, the line no longer says it.
    await page.getByTestId('process-filter').fill('');
    await rows.filter({ hasNot: page.getByText(marker) }).first().click();
    await expect(page.getByTestId('processes-status')).not.toContainText('Resumed');
  } finally {
    await page.getByRole('tab', { name: 'Jobs' }).click();
    await jobRow.click();
    await page.getByTestId('job-terminate').click();
    await expect(page.getByTestId('job-details').getByTestId('job-member-row')).toHaveCount(0, { timeout: 20_000 });
    await page.getByTestId('job-close').click();
    await expect(jobRow).toHaveCount(0, { timeout: 10_000 });
  }
  // The job's "Terminated" alert is an info toast on the Jobs tab: it goes by itself after a few seconds.
  const alert = page.getByTestId('toast').filter({ hasText: `Job ${job}: Terminated` });
  await expect(alert).toHaveAttribute('data-tone', 'info');
  await page.getByRole('tab', { name: 'Processes' }).click();
  await expect(alert).toHaveCount(0);
  await page.getByRole('tab', { name: 'Jobs' }).click();
  await expect(alert).toHaveCount(1);
  await expect(alert).toHaveCount(0, { timeout: 15_000 });
});
