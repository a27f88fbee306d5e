import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { openConsole } from './console-page';

// A real service in the same Windows (Wine's prefix on Linux) as the preview's host: native/test-service.exe,
// staged in a folder whose path has spaces, is installed through the wizard, started (its start-pending
// checkpoints drive the progress bar), stopped and uninstalled - all through the SCM.

const rigScript = (name: string) => path.join(__dirname, '..', 'scripts', 'rig', name);

function testServiceProgram(): string {
  return (JSON.parse(execFileSync(process.execPath, [rigScript('test-service-command.mjs')], { encoding: 'utf8' })) as { program: string }).program;
}

/** Runs the rig Windows' own sc.exe (Wine's on Linux) to clean up after a failed run. */
function sc(args: string[]): void {
  const how = JSON.parse(execFileSync(process.execPath, [rigScript('test-child-command.mjs')], { encoding: 'utf8' })) as { command: string; env: Record<string, string> };
  const [command, prefix] = how.command === 'wine' ? ['wine', ['sc.exe']] : ['sc.exe', []];
  try {
    execFileSync(command, [...prefix, ...args], { stdio: 'ignore', env: { ...process.env, ...how.env }, timeout: 30_000 });
  } catch {
    // not there: nothing to clean
  }
}

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

test('install the test service through the wizard, start it with progress, stop it, uninstall it', async ({ page }) => {
  test.setTimeout(180_000);
  const program = testServiceProgram();
  const name = `AdminConsoleE2E${Date.now().toString(36)}`;
  installed = name;
  const dialogs = acceptDialogs(page);

  await openConsole(page);
  await page.getByRole('tab', { name: 'Services' }).click();
  const table = page.getByTestId('service-table');
  await expect(table).toBeVisible();
  await expect(table.getByTestId('service-row').first()).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: 'test-results/screenshots/services-table.png' });

  // The wizard: every field the plan needs, then the equivalent sc.exe lines from the main side.
  await page.getByTestId('service-new').click();
  const wizard = page.getByTestId('service-wizard');
  await expect(wizard).toBeVisible();
  await wizard.getByTestId('service-form-name').fill(name);
  await wizard.getByTestId('service-form-display-name').fill(`Admin Console e2e ${name}`);
  await wizard.getByTestId('service-form-program').fill(program);
  await wizard.getByTestId('service-form-arguments').fill('--start-ms\n1500');
  await wizard.getByTestId('service-form-description').fill('Installed by e2e/services.spec.ts');
  const commands = wizard.getByTestId('service-plan-commands');
  await expect(commands).toContainText(`sc.exe create ${name}`, { timeout: 15_000 });
  // The program sits in a folder with spaces: the command line quotes it.
  await expect(commands).toContainText(`\\"${program}\\" --start-ms 1500`);
  await page.screenshot({ path: 'test-results/screenshots/services-wizard.png' });
  await wizard.getByTestId('service-wizard-apply').click();
  await expect(wizard).toBeHidden({ timeout: 15_000 });
  expect(dialogs.at(-1)).toContain('Install service');
  // The confirmation names every argument on a line of its own, never joined or cut.
  expect(dialogs.at(-1)).toContain('      1. --start-ms\n      2. 1500');

  await page.getByTestId('service-filter').fill(name);
  const row = table.getByTestId('service-row');
  await expect(row).toHaveCount(1, { timeout: 15_000 });
  await expect(row).toContainText('Stopped');
  await row.click();

  // Start: the optional-arguments dialog, then progress while the service walks its checkpoints.
  await page.getByTestId('service-start').click();
  await page.getByTestId('service-start-confirm').click();
  await expect(page.getByTestId('service-progress').first()).toBeVisible({ timeout: 10_000 });
  await expect(row).toContainText('Running', { timeout: 30_000 });
  await expect(page.getByTestId('service-progress')).toHaveCount(0, { timeout: 10_000 });

  const details = page.getByTestId('service-details');
  await expect(details).toBeVisible();
  await expect(details.getByTestId('service-details-binary-path')).toContainText(program);
  await expect(details.getByTestId('service-details-pid')).toContainText(/\d+/);
  // Recovery Wine cannot read is a muted note with its reason, never a red error on the service.
  await expect(details.getByTestId('service-details-recovery').or(details.getByTestId('service-details-recovery-unknown'))).toBeVisible();
  if (await details.getByTestId('service-details-recovery-unknown').isVisible()) {
    await expect(details.getByTestId('service-details-recovery-unknown')).toContainText('Recovery: not readable on this system (error 124)');
    await details.getByTestId('service-details-recovery-unknown').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/screenshots/services-details-not-reported.png' });
  }
  await expect(details.locator('.status-line--error')).toHaveCount(0);
  await expect(page.getByTestId('service-timeline')).toContainText(name);
  await page.screenshot({ path: 'test-results/screenshots/services-details.png' });

  await page.getByTestId('service-stop').click();
  await expect(row).toContainText('Stopped', { timeout: 30_000 });

  const before = dialogs.length;
  await page.getByTestId('service-uninstall').click();
  await expect(row).toHaveCount(0, { timeout: 30_000 });
  expect(dialogs.length).toBe(before + 1);
  expect(dialogs.at(-1)).toContain('Uninstall service');
  installed = undefined;
});

test('a taken service name is refused inline and Apply stays disabled', async ({ page }) => {
  await openConsole(page);
  await page.getByRole('tab', { name: 'Services' }).click();
  const first = page.getByTestId('service-table').getByTestId('service-row').first();
  await expect(first).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('service-new').click();
  const wizard = page.getByTestId('service-wizard');
  // Every Wine prefix and every Windows has the Windows Installer service.
  await wizard.getByTestId('service-form-name').fill('msiserver');
  await wizard.getByTestId('service-form-display-name').fill('Something else');
  await wizard.getByTestId('service-form-program').fill('C:\\Program Files\\Nothing\\nothing.exe');
  await expect(wizard.getByTestId('service-form-problem').first()).toContainText(/already/i, { timeout: 15_000 });
  await expect(wizard.getByTestId('service-wizard-apply')).toBeDisabled();
  await wizard.getByTestId('service-wizard-cancel').click();
  await expect(wizard).toBeHidden();
});

test('Show: Services (the default, as services.msc), Drivers or All; the choice is remembered', async ({ page }) => {
  await openConsole(page);
  await page.getByRole('tab', { name: 'Services' }).click();
  const table = page.getByTestId('service-table');
  const show = page.getByTestId('service-show');
  const count = page.getByTestId('service-count');
  await expect(table.getByTestId('service-row').first()).toBeVisible({ timeout: 30_000 });
  await expect(show).toHaveValue('services');
  const totalOf = async () => Number(await count.getAttribute('data-total'));
  const services = await totalOf();
  await expect(count).toContainText(`${services} services`);
  try {
    await show.selectOption('drivers');
    // Every Wine prefix and every Windows has kernel drivers (Wine: mountmgr, winebus, ...).
    await expect(count).toContainText('drivers');
    const drivers = await totalOf();
    expect(drivers).toBeGreaterThan(0);
    // A service is not a driver.
    await page.getByTestId('service-filter').fill('msiserver');
    await expect(table.getByTestId('service-row')).toHaveCount(0);
    await page.getByTestId('service-filter').fill('');
    await page.screenshot({ path: 'test-results/screenshots/services-drivers.png' });

    // Saved in settings: a reload comes back to Drivers.
    await openConsole(page);
    await page.getByRole('tab', { name: 'Services' }).click();
    await expect(page.getByTestId('service-show')).toHaveValue('drivers', { timeout: 15_000 });

    await page.getByTestId('service-show').selectOption('all');
    await expect(count).toContainText('services and drivers');
    await expect.poll(totalOf).toBe(services + drivers);
  } finally {
    await page.getByTestId('service-show').selectOption('services');
    await expect(page.getByTestId('service-show')).toHaveValue('services');
  }
});
