import { test, expect, type Page } from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { openConsole } from './console-page';

// The structured filter (fields, comparisons, a term it cannot read, the help) on real processes and
// services of the preview's Windows (Wine's prefix on Linux), and the command palette: opened from the
// keyboard, a tab switch through it, and terminate on the selected row through it (main still confirms).

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

/** True when focus is inside the element with this test id. */
function focusIsIn(page: Page, testId: string): Promise<boolean> {
  return page.evaluate((id) => document.activeElement?.closest(`[data-testid="${id}"]`) !== null && document.activeElement !== null, testId);
}

test('structured filter: fields and comparisons on processes, state on services, an unknown field said under the box, the help', async ({ page }) => {
  const marker = `e2e-filter-${Date.now()}`;
  child = startTestChild(marker);
  await openConsole(page);
  await page.getByRole('tab', { name: 'Processes' }).click();
  const box = page.getByTestId('process-filter');
  const rows = page.getByTestId('process-table').getByTestId('process-row');

  // A field term and a comparison: the test child matches while its working set is over 64 KB...
  await box.fill(`name:test-child cmd:${marker} mem>64KB threads>=1`);
  await expect(rows).toHaveCount(1, { timeout: 30_000 });
  await expect(rows.first()).toContainText('test-child.exe');
  // ...and not once the comparison asks for more memory than it has.
  await box.fill(`name:test-child cmd:${marker} mem>64GB`);
  await expect(page.getByText(/^No process matches/)).toBeVisible({ timeout: 10_000 });
  await expect(rows).toHaveCount(0);

  // A term the filter cannot read is said under the box and left out; the rest still filters.
  await box.fill(`name:test-child cmd:${marker} colour:red cpu>lots`);
  const problems = page.getByTestId('process-filter-problems');
  await expect(problems).toContainText('"colour" is not a field here');
  await expect(problems).toContainText('cpu>lots');
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  await expect(rows).toHaveCount(1, { timeout: 10_000 });
  await page.screenshot({ path: 'test-results/screenshots/filter-structured.png' });

  // The help lists this table's fields with an example each; an example adds itself to the filter.
  await page.getByTestId('process-filter-help-button').click();
  const help = page.getByTestId('process-filter-help');
  await expect(help).toBeVisible();
  await expect(help.locator('tr[data-field="cpu"]')).toContainText('cpu>20');
  await expect(help.locator('tr[data-field="injob"]')).toContainText('In a job');
  await page.screenshot({ path: 'test-results/screenshots/filter-help.png' });
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect(page.getByTestId('process-filter-help-button')).toBeFocused();
  await page.getByTestId('process-filter-help-button').click();
  await help.locator('tr[data-field="user"] button').click();
  await expect(box).toHaveValue(/ user:SYSTEM$/);
  await expect(box).toBeFocused();

  // Services: state:running lists running services only; -state:running none of them.
  await page.getByRole('tab', { name: 'Services' }).click();
  const serviceBox = page.getByTestId('service-filter');
  const serviceRows = page.getByTestId('service-table').getByTestId('service-row');
  await expect(serviceRows.first()).toBeVisible({ timeout: 30_000 });
  await serviceBox.fill('state:running');
  await expect(serviceRows.first()).toHaveAttribute('data-state', 'running', { timeout: 10_000 });
  const states = await serviceRows.evaluateAll((els) => els.map((e) => e.getAttribute('data-state')));
  expect(states.length).toBeGreaterThan(0);
  expect(new Set(states)).toEqual(new Set(['running']));
  await serviceBox.fill('-state:running');
  await expect(serviceRows.first()).not.toHaveAttribute('data-state', 'running', { timeout: 10_000 });
  const others = await serviceRows.evaluateAll((els) => els.map((e) => e.getAttribute('data-state')));
  expect(others).not.toContain('running');
});

test('command palette: Ctrl+K lists the selection\'s actions, switches tabs, terminates the selected process after main confirms', async ({ page }) => {
  const marker = `e2e-palette-${Date.now()}`;
  child = startTestChild(marker);
  const exited = new Promise<void>((resolve) => child!.once('exit', () => resolve()));
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.accept();
  });
  await openConsole(page);
  await page.getByRole('tab', { name: 'Processes' }).click();
  await page.getByTestId('process-filter').fill(marker);
  const rows = page.getByTestId('process-table').getByTestId('process-row');
  await expect(rows).toHaveCount(1, { timeout: 30_000 });
  await rows.first().click();
  expect(await focusIsIn(page, 'process-table')).toBe(true);

  // Not over an open context menu: the menu keeps the keys until Escape closes it.
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  await page.keyboard.press('Control+k');
  const palette = page.getByTestId('palette');
  await expect(menu).toBeVisible();
  await expect(palette).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  expect(await focusIsIn(page, 'process-table')).toBe(true);

  // Opened from the keyboard: the selected process's actions first, each naming it.
  await page.keyboard.press('Control+k');
  await expect(palette).toBeVisible();
  const input = page.getByTestId('palette-input');
  await expect(input).toBeFocused();
  await expect(input).toHaveAttribute('role', 'combobox');
  const terminate = palette.getByTestId('palette-process-menu-terminate');
  await expect(terminate).toContainText('test-child.exe');
  await expect(terminate).toHaveAttribute('aria-selected', 'true');
  await expect(palette.getByTestId('palette-go-services')).toBeVisible();
  await expect(palette.getByTestId('palette-refresh-pause')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/palette.png' });

  // Escape closes it and focus is back on the list.
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();
  expect(await focusIsIn(page, 'process-table')).toBe(true);

  // A tab switch through it (Ctrl+Shift+P opens it too): the Services tab shows and has focus.
  await page.keyboard.press('Control+Shift+P');
  await expect(palette).toBeVisible();
  await input.fill('go to serv');
  await expect(palette.getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  const servicesTab = page.getByRole('tab', { name: 'Services' });
  await expect(servicesTab).toHaveAttribute('aria-selected', 'true');
  await expect(servicesTab).toBeFocused();
  // With nothing selected there, the service actions are listed disabled, with why.
  await page.keyboard.press('Control+k');
  await input.fill('stop');
  const stop = palette.getByTestId('palette-service-menu-stop');
  await expect(stop).toHaveAttribute('aria-disabled', 'true');
  await expect(stop).toContainText('Select a service first');
  await page.keyboard.press('Enter');
  await expect(palette).toBeVisible();
  await page.keyboard.press('Escape');

  // Back to the process (its selection is the view's), then terminate it through the palette by keyboard.
  await page.getByRole('tab', { name: 'Processes' }).click();
  await page.getByTestId('process-filter').fill(marker);
  await expect(rows).toHaveCount(1, { timeout: 30_000 });
  await rows.first().click();
  await page.keyboard.press('Control+k');
  await input.fill('terminate');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await expect(palette.getByTestId('palette-process-menu-terminate')).toHaveAttribute('aria-selected', 'true');
  await expect(input).toHaveAttribute('aria-activedescendant', (await palette.getByTestId('palette-process-menu-terminate').getAttribute('id')) ?? 'missing');
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(rows).toHaveCount(0, { timeout: 15_000 });
  expect(dialogs).toHaveLength(1);
  expect(dialogs[0]).toContain('Terminate processes');
  expect(dialogs[0]).toContain('test-child.exe');
  await exited;
});
