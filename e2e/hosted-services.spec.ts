import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { openConsole } from './console-page';

// A program run as a service by the console's service host, in the same Windows (Wine's prefix on Linux) as
// the preview's host: native/test-hosted.exe is set up in the wizard's "Run a program as a service" mode,
// started through the SCM, made to crash (an access violation after 6 s), and watched from the
// details: RUNNING with its PID, the restart count, the host's events and the log tail moving; then stopped
// and uninstalled. Screenshots go to test-results/screenshots like the other specs'.

const rigScript = (name: string) => path.join(__dirname, '..', 'scripts', 'rig', name);

/** How the rig runs Windows programs: { command, args, env } (wine on Linux). */
function rigCommand(): { command: string; args: string[]; env: Record<string, string> } {
  return JSON.parse(execFileSync(process.execPath, [rigScript('test-child-command.mjs')], { encoding: 'utf8' })) as { command: string; args: string[]; env: Record<string, string> };
}

/**
 * The hosted test program's Windows path (Z:\... under Wine): what the admin types into the wizard.
 * native/test-hosted.exe, built beside test-child.exe: the service host's own test program, which can crash.
 */
function testChildProgram(): string {
  const how = rigCommand();
  const testChild = how.command === 'wine' ? (how.args[0] as string) : how.command;
  const exe = testChild.replace(/test-child\.exe$/, 'test-hosted.exe');
  return how.command === 'wine' ? `Z:${exe.replace(/\//g, '\\')}` : exe;
}

/** Runs the rig Windows' own sc.exe (Wine's on Linux) to clean up after a failed run. */
function sc(args: string[]): void {
  const how = rigCommand();
  const [command, prefix] = how.command === 'wine' ? ['wine', ['sc.exe']] : ['sc.exe', []];
  try {
    execFileSync(command, [...prefix, ...args], { stdio: 'ignore', env: { ...process.env, ...how.env }, timeout: 30_000 });
  } catch {
    // not there: nothing to clean
  }
}

/** The host's own line in the program's log at each start (CONTRACT.md: `H -- program started, PID 1234 --`). */
const STARTED_LINE = 'program started';
/** The test program's arguments: `crash 6000` runs 6 s, then writes through a null pointer (native/test-hosted.c). */
const TEST_CHILD_CRASH_ARGS = ['crash', '6000'];
/** STATUS_ACCESS_VIOLATION, the crashed program's exit code. */
const TEST_CHILD_CRASH_CODE = '3221225477 (0xC0000005)';

let installed: string | undefined;
test.afterEach(() => {
  if (!installed) return;
  sc(['stop', installed]);
  sc(['delete', installed]);
  installed = undefined;
});

/** The browser's confirm() stands in for the main process's native dialog in the preview; accept and record. */
function acceptDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.accept();
  });
  return dialogs;
}

async function openHostedWizard(page: Page) {
  await openConsole(page);
  await page.getByRole('tab', { name: 'Services' }).click();
  await expect(page.getByTestId('service-table').getByTestId('service-row').first()).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('service-new-hosted').click();
  const wizard = page.getByTestId('hosted-wizard');
  await expect(wizard).toBeVisible();
  return wizard;
}

test('the hosted wizard speaks only after a field is touched, and previews the restart schedule as typed', async ({ page }) => {
  const wizard = await openHostedWizard(page);
  // Nothing typed yet: no problem is shown, though name and program are empty.
  await expect(wizard.getByTestId('hosted-form-problem')).toHaveCount(0);
  // The name had focus first: leaving it empty speaks for it; the program speaks only once left too.
  await wizard.getByTestId('hosted-form-program').fill('node.exe');
  await expect(wizard.locator('[data-testid="hosted-form-problem"][data-field="name"]')).toContainText('Enter a service name');
  await expect(wizard.locator('[data-testid="hosted-form-problem"][data-field="program"]')).toHaveCount(0);
  await wizard.getByTestId('hosted-form-arguments').focus();
  await expect(wizard.locator('[data-testid="hosted-form-problem"][data-field="program"]')).toContainText('full path');
  await expect(wizard.locator('[data-testid="hosted-form-problem"][data-field="restart.maxCount"]')).toHaveCount(0);
  // The schedule follows the restart policy as it is typed (the contract's restartSchedule()).
  await expect(wizard.getByTestId('hosted-schedule-text')).toContainText('1 s, 2 s, 4 s, 8 s, 16 s (±20%), then give up after 5 restarts in 10 min');
  await wizard.getByTestId('hosted-form-restart-jitter').fill('0');
  await wizard.getByTestId('hosted-form-restart-max').fill('3');
  await expect(wizard.getByTestId('hosted-schedule-text')).toContainText('1 s, 2 s, 4 s, then give up after 3 restarts in 10 min');
  // Apply with problems left: every problem speaks, those of fields never touched too.
  await wizard.getByTestId('hosted-form-restart-window').fill('0');
  await wizard.getByTestId('hosted-wizard-apply').click();
  await expect(wizard.locator('[data-testid="hosted-form-problem"][data-field="restart.windowSec"]')).toContainText('The window is: 1 to 86,400 s');
  await expect(wizard).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/hosted-wizard-problems.png' });
  await wizard.getByTestId('hosted-wizard-cancel').click();
  await expect(wizard).toBeHidden();
});

test('job limits come from the Jobs tab’s templates and its limit editor; what the host cannot apply is named', async ({ page }) => {
  const wizard = await openHostedWizard(page);
  await wizard.getByTestId('hosted-form-name').fill(`AdminConsolePlanOnly${Date.now().toString(36)}`);
  await wizard.getByTestId('hosted-form-program').fill('C:\\Program Files\\Nothing\\app.exe');
  await wizard.getByTestId('hosted-form-limits-on').check();
  await wizard.getByTestId('hosted-form-template').selectOption('Small sandbox');
  await expect(wizard.getByTestId('limit-editor')).toBeVisible();
  await expect(wizard.getByTestId('limit-active-processes')).toHaveValue('32');
  // The template restricts the desktop UI, which the host does not apply: Apply makes main's problem speak.
  await expect(wizard.getByTestId('hosted-plan')).toHaveAttribute('data-status', 'ready', { timeout: 20_000 });
  await wizard.getByTestId('hosted-wizard-apply').click();
  await expect(wizard.locator('[data-testid="hosted-form-problem"][data-field="job.limits"]')).toContainText('UI restrictions');
  await page.screenshot({ path: 'test-results/screenshots/hosted-wizard-limits.png' });
  for (const id of ['handles', 'read-clipboard', 'write-clipboard', 'system-parameters', 'display-settings', 'global-atoms', 'desktop', 'exit-windows']) await wizard.getByTestId(`limit-ui-${id}`).uncheck();
  // Edited by hand: no longer the template's limits. The rest go to the registry as the host reads them.
  await expect(wizard.getByTestId('hosted-form-template')).toHaveValue('');
  await expect(wizard.locator('[data-testid="hosted-form-problem"][data-field="job.limits"]')).toHaveCount(0, { timeout: 20_000 });
  const registry = wizard.getByTestId('hosted-plan-registry');
  await expect(registry).toContainText('/v JobActiveProcesses /t REG_DWORD /d 32');
  await expect(registry).toContainText('/v JobMemoryBytes /t REG_QWORD /d 0x40000000');
  await wizard.getByTestId('hosted-wizard-cancel').click();
  await expect(wizard).toBeHidden();
});

test('run the test program as a service: RUNNING with its PID, crashes restarted and watched live, stopped, uninstalled', async ({ page }) => {
  test.setTimeout(240_000);
  const program = testChildProgram();
  const name = `AdminConsoleHosted${Date.now().toString(36)}`;
  installed = name;
  const dialogs = acceptDialogs(page);

  const wizard = await openHostedWizard(page);
  await wizard.getByTestId('hosted-form-name').fill(name);
  await wizard.getByTestId('hosted-form-description').fill('Installed by e2e/hosted-services.spec.ts');
  await wizard.getByTestId('hosted-form-program').fill(program);
  // The test program runs 6 s and crashes (an access violation): the host restarts it.
  await wizard.getByTestId('hosted-form-arguments').fill(TEST_CHILD_CRASH_ARGS.join('\n'));
  await wizard.getByTestId('hosted-form-account').selectOption('localSystem');
  await wizard.getByTestId('hosted-form-restart-base').fill('1');
  await wizard.getByTestId('hosted-form-restart-jitter').fill('0');
  await wizard.getByTestId('hosted-form-restart-max').fill('10');
  await expect(wizard.getByTestId('hosted-schedule-text')).toContainText('1 s, 2 s, 4 s');

  // The plan: what goes to the SCM and to the registry, whole.
  const commands = wizard.getByTestId('hosted-plan-commands');
  await expect(commands).toContainText(`sc.exe create ${name}`, { timeout: 20_000 });
  await expect(commands).toContainText(`--service ${name}`);
  const registry = wizard.getByTestId('hosted-plan-registry');
  await expect(registry).toContainText(`Services\\${name}\\Parameters`);
  await expect(registry).toContainText(program);
  await wizard.getByTestId('hosted-plan').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/hosted-wizard-plan.png' });
  await wizard.getByTestId('hosted-wizard-apply').click();
  await expect(wizard).toBeHidden({ timeout: 20_000 });
  expect(dialogs.length).toBeGreaterThan(0);

  // The new service is marked hosted, and "Hosted only" keeps it.
  const table = page.getByTestId('service-table');
  await page.getByTestId('service-filter').fill(name);
  const row = table.getByTestId('service-row');
  await expect(row).toHaveCount(1, { timeout: 20_000 });
  await expect(row.getByTestId('service-hosted-badge')).toBeVisible();
  await page.getByTestId('service-only-hosted').check();
  await expect(row).toHaveCount(1);
  await row.click();

  // Edit opens the same form, filled from what the console wrote; nothing differs yet.
  await page.getByTestId('service-edit').click();
  const edit = page.getByTestId('hosted-wizard');
  await expect(edit).toContainText(`Edit hosted service ${name}`);
  await expect(edit.getByTestId('hosted-form-program')).toHaveValue(program);
  await expect(edit.getByTestId('hosted-form-arguments')).toHaveValue(TEST_CHILD_CRASH_ARGS.join('\n'));
  await expect(edit.getByTestId('hosted-form-restart-max')).toHaveValue('10');
  await expect(edit.getByTestId('hosted-plan-no-changes')).toBeVisible({ timeout: 20_000 });
  await edit.getByTestId('hosted-wizard-cancel').click();
  await expect(edit).toBeHidden();

  // Start: RUNNING, and the host's status names the program's PID.
  await page.getByTestId('service-start').click();
  await page.getByTestId('service-start-confirm').click();
  await expect(row).toContainText('Running', { timeout: 60_000 });
  const hosted = page.getByTestId('hosted-details');
  await expect(hosted.getByTestId('hosted-state')).toHaveAttribute('data-state', 'running', { timeout: 30_000 });
  const pid = hosted.locator('[data-testid="hosted-pid-link"][data-main="true"]');
  await expect(pid).toHaveText(/^\d+ \(program\)$/);
  const firstPid = (await pid.getAttribute('data-pid')) ?? '';
  await expect(hosted.getByTestId('hosted-log-lines')).toContainText(STARTED_LINE, { timeout: 30_000 });
  await hosted.getByTestId('hosted-status').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/hosted-running.png' });

  // It crashes (access violation after 6 s): the host restarts it, and the details follow.
  await expect(hosted.getByTestId('hosted-restarts')).not.toHaveAttribute('data-count', '0', { timeout: 60_000 });
  await expect(hosted.getByTestId('hosted-last-exits')).toContainText(`exited with code ${TEST_CHILD_CRASH_CODE}`);
  await expect(hosted.locator('[data-testid="hosted-event"][data-kind="restarting"]').first()).toBeVisible();
  await expect(hosted.getByTestId('hosted-chart')).not.toHaveAttribute('data-markers', '0');
  await expect(hosted.getByTestId('hosted-state')).toHaveAttribute('data-state', 'running', { timeout: 30_000 });
  await expect(pid).not.toHaveAttribute('data-pid', firstPid);
  // Restart program, while this run (6 s) has just begun: confirmed in the main process (the browser's
  // dialog here) and sent to the host, which refuses it only outside RUNNING (then the button is disabled).
  await hosted.getByTestId('hosted-restart-program').click();
  await expect(page.getByTestId('services-status')).toContainText(`Asked the host of ${name} to restart the program.`, { timeout: 20_000 });
  expect(dialogs.at(-1)).toContain(name);
  const lines = Number(await hosted.getByTestId('hosted-log').getAttribute('data-lines'));
  await expect.poll(async () => Number(await hosted.getByTestId('hosted-log').getAttribute('data-lines')), { timeout: 30_000 }).toBeGreaterThan(lines);
  // Open log folder: main decides the folder from the name (the preview has no Explorer, so it says where it is).
  await hosted.getByTestId('hosted-open-log-folder').click();
  await expect(page.getByTestId('toast').filter({ hasText: `services\\${name}` })).toBeVisible({ timeout: 20_000 });
  // Search narrows the tail to the matching lines.
  await hosted.getByTestId('hosted-log-search').fill(STARTED_LINE);
  await expect(hosted.getByTestId('hosted-log-lines')).not.toHaveAttribute('data-shown', '0');
  await expect.poll(async () => Number(await hosted.getByTestId('hosted-log-lines').getAttribute('data-shown'))).toBeLessThan(
    Number(await hosted.getByTestId('hosted-log').getAttribute('data-lines')) + 1,
  );
  await hosted.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/hosted-restarted.png' });

  // The charts keep their past across a tab switch: main keeps the history of the last services whose details
  // opened and goes on reading their host's status while the admin is on another tab.
  const chart = hosted.getByTestId('hosted-chart');
  const chartPoints = async () => Number(await chart.getAttribute('data-points'));
  const firstPoint = async () => Number(await chart.getAttribute('data-first'));
  const pointsBefore = await chartPoints();
  const firstBefore = await firstPoint();
  const markersBefore = Number(await chart.getAttribute('data-markers'));
  expect(pointsBefore).toBeGreaterThan(1);
  // The health chart (restarts) shows the past best: the same place before and after.
  await hosted.getByTestId('hosted-chart-health').scrollIntoViewIfNeeded();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: 'test-results/screenshots/hosted-history-before.png' });
  const leftAt = Date.now();
  await page.getByRole('tab', { name: 'Performance' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Performance' })).toBeVisible();
  // Long enough for a crash and its restart (a 6 s run, then at most a 4 s wait so far): statuses while away.
  await page.waitForTimeout(12_000);
  const backAt = Date.now();
  await page.getByRole('tab', { name: 'Services' }).click();
  // The filter starts empty again (the selection is kept per tab); the history must be kept either way.
  const filter = page.getByTestId('service-filter');
  if ((await filter.inputValue()) !== name) await filter.fill(name);
  await expect(row).toHaveCount(1, { timeout: 20_000 });
  if (!(await chart.isVisible())) await row.click();
  await expect(hosted.getByTestId('hosted-state')).toBeVisible({ timeout: 20_000 });
  // The points from before the switch are back (the same first one), with those main heard while away.
  await expect.poll(firstPoint, { timeout: 10_000 }).toBe(firstBefore);
  expect(firstBefore).toBeLessThan(leftAt - 5000);
  expect(await chartPoints()).toBeGreaterThan(pointsBefore);
  const times = await page.evaluate(async (n) => {
    const api = (window as unknown as { adminConsole: { services: { hostedHistory(r: { name: string }): Promise<{ ok: boolean; value?: { points: { time: number }[] } }> } } }).adminConsole;
    const result = await api.services.hostedHistory({ name: n });
    return result.ok ? (result.value?.points.map((p) => p.time) ?? []) : [];
  }, name);
  expect(times.some((t) => t > leftAt && t < backAt)).toBe(true);
  expect(Number(await chart.getAttribute('data-markers'))).toBeGreaterThanOrEqual(markersBefore);
  await hosted.getByTestId('hosted-chart-health').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/hosted-history-after.png' });

  // Stop: the whole tree ends; the details say the host is gone rather than showing zeros.
  await page.getByTestId('service-stop').click();
  await expect(row).toContainText('Stopped', { timeout: 60_000 });
  const gone = hosted.getByTestId('hosted-unavailable').or(hosted.locator('[data-testid="hosted-state"][data-state="stopped"]'));
  await expect(gone).toBeVisible({ timeout: 30_000 });
  // Once the host has ended, the details say so with the SCM's state, never a pipe error ("read EPIPE").
  await expect(hosted.getByTestId('hosted-unavailable')).toContainText('The service host has ended (the service is stopped).', { timeout: 30_000 });
  await gone.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/hosted-stopped.png' });

  const before = dialogs.length;
  await page.getByTestId('service-uninstall').click();
  await expect(row).toHaveCount(0, { timeout: 30_000 });
  expect(dialogs.length).toBe(before + 1);
  expect(dialogs.at(-1)).toContain('Uninstall service');
  installed = undefined;
});
