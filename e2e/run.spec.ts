import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { openConsole } from './console-page';

// The Run view against real commands (native/test-child.exe in the rig's Windows): the form says nothing
// before anything is typed and refuses a line break with the reason; Ctrl+Enter runs; Cancel ends the run
// and the status line follows its state to "Cancelled"; exit codes are shown in words.

/** test-child.exe's path as the rig's Windows sees it (Z:\... under Wine). */
function testChildProgram(): string {
  const script = path.join(__dirname, '..', 'scripts', 'rig', 'test-child-command.mjs');
  const how = JSON.parse(execFileSync(process.execPath, [script], { encoding: 'utf8' })) as { command: string; args: string[] };
  const exe = how.command === 'wine' ? how.args[0]! : how.command;
  return how.command === 'wine' ? `Z:${exe.replace(/\//g, '\\')}` : exe;
}

/** The browser's confirm() stands in for the main process's native dialog in the preview; accept and record. */
function acceptDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.accept();
  });
  return dialogs;
}

test('Run: no problems before typing, a line break refused with why, Ctrl+Enter runs, Cancel shows Cancelled, exit codes in words', async ({ page }) => {
  test.setTimeout(120_000);
  const program = testChildProgram();
  const dialogs = acceptDialogs(page);
  await openConsole(page);
  await page.getByRole('tab', { name: 'Run' }).click();
  const command = page.getByTestId('run-command');
  await expect(command).toBeVisible();

  // Nothing typed: nothing is wrong yet, though the command line is empty.
  await expect(page.getByTestId('run-problem')).toHaveCount(0);
  await expect(command).not.toHaveAttribute('aria-invalid', 'true');
  // Touched: a line break speaks at once, with why.
  await command.fill(`"${program}" sleep 120\nsecond line`);
  await expect(page.locator('[data-testid="run-problem"][data-field="commandLine"]')).toContainText('A command line is one line');
  await expect(command).toHaveAttribute('aria-invalid', 'true');

  // Ctrl+Enter runs the corrected command; then Cancel: the status line ends at Cancelled, not "Cancelling…".
  await command.fill(`"${program}" sleep 120`);
  await expect(page.getByTestId('run-problem')).toHaveCount(0);
  await command.press('Control+Enter');
  await expect(page.getByTestId('run-state')).toHaveText('Running', { timeout: 15_000 });
  expect(dialogs.at(-1)).toContain('Run a command');
  await page.getByTestId('run-cancel').click();
  await expect(page.getByTestId('run-state')).toHaveText('Cancelled (tree killed)', { timeout: 15_000 });
  const notice = page.getByTestId('run-notice');
  await expect(notice).toContainText('Cancelled (tree killed), exit code 1223');
  await expect(notice).not.toContainText('Cancelling');
  // Still so a moment later: no late answer puts "Cancelling…" back.
  await page.waitForTimeout(1000);
  await expect(notice).not.toContainText('Cancelling');
  await expect(page.getByTestId('run-exit-code')).toContainText('1223 (0x000004C7): cancelled');
  await page.screenshot({ path: 'test-results/screenshots/run-cancelled.png' });

  // A command that fails on its own: its exit code in words.
  await command.fill(`"${program}" print "some output" "" 1`);
  await page.getByTestId('run-start').click();
  await expect(page.getByTestId('run-state')).toHaveText('Exited', { timeout: 15_000 });
  await expect(page.getByTestId('run-exit-code')).toHaveText('1 (0x00000001): failed (1 is most programs’ general error)');
  await expect(notice).toContainText('Exited, exit code 1 (0x00000001): failed');
  await expect(page.getByTestId('run-output')).toContainText('some output');
});

test('Run: a command flooding 16 MiB ends promptly, and the truncation marker counts the dropped output once', async ({ page }) => {
  test.setTimeout(120_000);
  const program = testChildProgram();
  acceptDialogs(page);
  await openConsole(page);
  await page.getByRole('tab', { name: 'Run' }).click();
  await page.getByTestId('run-command').fill(`"${program}" flood 16777216`);
  await page.getByTestId('run-start').click();
  // 16 MiB drains in about a second under Wine (it took 6 s at the old 256 KiB per pump, and the end showed later still).
  await expect(page.getByTestId('run-state')).toHaveText('Exited', { timeout: 15_000 });
  await expect(page.getByTestId('run-exit-code')).toContainText('0 (0x00000000): success');
  // Main and the view both keep the newest 1 MiB: 15 MiB are missing, counted once (not 30).
  await expect(page.getByTestId('run-truncated')).toHaveText('Output truncated: the first 15.0 MB of output are not shown; the newest output is kept.');
  await expect(page.getByTestId('run-output')).toHaveAttribute('data-chars', String(1024 * 1024));
});
