import { test, expect, type Page } from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { openConsole } from './console-page';

// Tables by mouse and by keyboard: a column resized by dragging its header's edge stays resized after a
// reload (the width is in settings, in main), and a process terminated keyboard-only leaves the keyboard
// on the list, on the row that took its place.

const children: ChildProcess[] = [];
test.afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** Starts native/test-child.exe in the rig's Windows, as scripts/rig/test-child-command.mjs says to (as processes.spec.ts does). */
function startTestChild(marker: string): ChildProcess {
  const script = path.join(__dirname, '..', 'scripts', 'rig', 'test-child-command.mjs');
  const how = JSON.parse(execFileSync(process.execPath, [script, 'sleep', '600', marker], { encoding: 'utf8' })) as { command: string; args: string[]; env: Record<string, string> };
  const child = spawn(how.command, how.args, { stdio: 'ignore', env: { ...process.env, ...how.env } });
  children.push(child);
  return child;
}

/** The Processes column widths main has saved (what a reload starts from). */
async function savedProcessWidths(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    const api = (window as unknown as { adminConsole: { settings: { get(r: object): Promise<{ ok: boolean; value?: { processes: { widths: Record<string, number> } } }> } } }).adminConsole;
    const result = await api.settings.get({});
    return result.value?.processes.widths ?? {};
  });
}

async function openProcesses(page: Page) {
  await openConsole(page);
  await page.getByRole('tab', { name: 'Processes' }).click();
  const table = page.getByTestId('process-table');
  await expect(table.getByTestId('process-row').first()).toBeVisible({ timeout: 30_000 });
  return table;
}

test('a column resized by dragging its header edge keeps its width after a reload', async ({ page }) => {
  let table = await openProcesses(page);
  const nameHeader = () => table.getByRole('columnheader').first();
  const handle = () => table.locator('[data-resize-handle="name"]');
  await expect(handle()).toHaveAttribute('role', 'separator');
  // The preview keeps its settings between runs: start from the default width (a double-click resets).
  await handle().dblclick();
  await expect.poll(() => savedProcessWidths(page).then((w) => w.name)).toBeUndefined();
  await expect(handle()).toHaveAttribute('aria-valuenow', '240');
  const before = (await nameHeader().boundingBox())!.width;

  const box = (await handle().boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2, { steps: 4 });
  await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2, { steps: 4 });
  await page.mouse.up();

  await expect.poll(async () => (await nameHeader().boundingBox())!.width).toBeGreaterThan(before + 110);
  const resized = (await nameHeader().boundingBox())!.width;
  expect(resized).toBeLessThan(before + 130);
  const width = Number(await handle().getAttribute('aria-valuenow'));
  expect(Math.abs(width - resized)).toBeLessThanOrEqual(1);
  // The rows follow the header: a body cell of the column is as wide.
  const cell = table.getByTestId('process-row').first().locator('[data-col="name"]');
  expect(Math.abs((await cell.boundingBox())!.width - resized)).toBeLessThanOrEqual(1);
  await expect.poll(() => savedProcessWidths(page).then((w) => w.name)).toBe(width);
  await page.screenshot({ path: 'test-results/screenshots/tables-column-resized.png' });

  await page.reload();
  table = await openProcesses(page);
  await expect(handle()).toHaveAttribute('aria-valuenow', String(width));
  expect(Math.abs((await nameHeader().boundingBox())!.width - resized)).toBeLessThanOrEqual(1);

  // By keyboard too: the focused handle narrows with Left; then back to the default for the next run.
  await handle().focus();
  await page.keyboard.press('ArrowLeft');
  await expect(handle()).toHaveAttribute('aria-valuenow', String(width - 10));
  await expect.poll(() => savedProcessWidths(page).then((w) => w.name)).toBe(width - 10);
  // The handles are one tab stop; Ctrl+Right goes on to the next column's.
  await page.keyboard.press('Control+ArrowRight');
  await expect(table.locator('[data-resize-handle="pid"]')).toBeFocused();
  await handle().dblclick();
  await expect.poll(() => savedProcessWidths(page).then((w) => w.name)).toBeUndefined();
});

test('terminate keyboard-only: type-to-jump, the menu key, confirm, and the list keeps the keyboard', async ({ page }) => {
  const marker = `e2e-tables-${Date.now()}`;
  const first = startTestChild(marker);
  const exited = new Promise<void>((resolve) => first.once('exit', () => resolve()));
  startTestChild(marker);

  const table = await openProcesses(page);
  const rows = table.getByTestId('process-row');
  // Keyboard from here on: Ctrl+F to the filter, Enter hands the keyboard to the list.
  await page.keyboard.press('Control+f');
  await expect(page.getByTestId('process-filter')).toBeFocused();
  await page.keyboard.type(marker);
  await expect(rows).toHaveCount(2, { timeout: 30_000 });
  await page.keyboard.press('Enter');
  await expect(table).toBeFocused();

  // Type-to-jump: "test" selects the first row whose name starts with it.
  await page.keyboard.type('test');
  const target = rows.first();
  await expect(target).toHaveAttribute('aria-selected', 'true');
  const targetPid = Number(await target.getAttribute('data-pid'));
  const targetId = await target.getAttribute('id');
  await expect(table).toHaveAttribute('aria-activedescendant', targetId!);

  // Shift+F10 opens the menu on the focused row; arrows to Terminate; Enter. The preview stands in for
  // main's native confirmation with the browser's confirm() (see processes.spec.ts); accept it.
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.accept();
  });
  await page.keyboard.press('Shift+F10');
  const terminate = page.getByTestId('process-menu-terminate');
  await expect(page.getByTestId('process-menu')).toBeVisible();
  for (let i = 0; i < 12 && !(await terminate.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('ArrowDown');
  await expect(terminate).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(table.locator(`[data-pid="${targetPid}"]`)).toHaveCount(0, { timeout: 15_000 });
  await exited;
  expect(dialogs).toHaveLength(1);
  expect(dialogs[0]).toContain('test-child.exe');
  // The list has the keyboard, on the row that took the terminated one's place, selected.
  await expect(rows).toHaveCount(1);
  const remaining = rows.first();
  await expect(table).toBeFocused();
  await expect(remaining).toHaveAttribute('aria-selected', 'true');
  await expect(table).toHaveAttribute('aria-activedescendant', (await remaining.getAttribute('id'))!);
  const active = await page.evaluate(() => ({
    inTable: document.activeElement?.closest('[data-testid="process-table"]') !== null,
    row: document.getElementById(document.activeElement?.getAttribute('aria-activedescendant') ?? '')?.dataset.pid ?? null,
  }));
  expect(active.inTable).toBe(true);
  expect(Number(active.row)).toBe(Number(await remaining.getAttribute('data-pid')));
  await page.screenshot({ path: 'test-results/screenshots/tables-terminate-focus.png' });
});

test('the module list reads file name first with its folder whole, the path copyable', async ({ page }) => {
  const marker = `e2e-modules-${Date.now()}`;
  startTestChild(marker);
  const table = await openProcesses(page);
  await page.getByTestId('process-filter').fill(marker);
  const rows = table.getByTestId('process-row');
  await expect(rows).toHaveCount(1, { timeout: 30_000 });
  await rows.first().click();
  const details = page.getByTestId('process-details');
  await details.getByTestId('process-details-load-modules').click();
  const modules = details.getByTestId('process-modules');
  const ntdll = modules.locator('tr', { has: page.locator('.modules__file', { hasText: /^ntdll\.dll$/i }) });
  await expect(ntdll).toHaveCount(1);
  await expect(ntdll.locator('.modules__folder')).toHaveText(/^C:\\windows\\system32$/i);
  await expect(ntdll).toHaveAttribute('title', /^C:\\windows\\system32\\ntdll\.dll$/i);
  // The folder wraps inside the pane instead of being cut: nothing in the cell is wider than the cell.
  const fits = await ntdll.locator('.modules__name').evaluate((cell) => cell.scrollWidth <= cell.clientWidth);
  expect(fits).toBe(true);
  await expect(ntdll.getByRole('button', { name: /Copy the path of ntdll\.dll/i })).toBeVisible();
  await ntdll.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/tables-modules.png' });
});

test('a column added from the chooser is scrolled into view, and closing the chooser gives the list the keyboard', async ({ page }) => {
  const table = await openProcesses(page);
  const chooserButton = page.getByRole('button', { name: 'Choose columns…' });
  const chooser = page.getByTestId('column-chooser');
  await chooserButton.click();
  // The preview keeps its settings between runs: start from the default columns.
  await chooser.getByRole('button', { name: 'Restore default columns' }).click();
  await expect(table.getByRole('columnheader', { name: /Image path/ })).toHaveCount(0);
  // The box is checked once main has saved the new column set (the chooser shows what settings hold).
  const imagePath = chooser.getByRole('checkbox', { name: 'Image path' });
  await imagePath.click();
  await expect(imagePath).toBeChecked();
  const header = table.getByRole('columnheader', { name: /Image path/ });
  await expect(header).toHaveCount(1);
  // Appended after Command line, it starts beyond the right edge; the table scrolls to show it whole.
  await expect
    .poll(async () => {
      const [cell, box] = [await header.boundingBox(), await table.boundingBox()];
      return cell !== null && box !== null && cell.x >= box.x && cell.x + cell.width <= box.x + box.width + 1;
    })
    .toBe(true);
  expect(await table.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  // The keyboard stayed on the box just checked (its row moved to the shown list), so Escape closes the
  // chooser, and the list gets the keyboard back.
  await expect(imagePath).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(chooser).toHaveCount(0);
  await expect(table).toBeFocused();
  // With the chooser gone nothing covers the new column: the header is what is drawn at its middle.
  const cell = (await header.boundingBox())!;
  const drawn = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('[role="columnheader"]')?.textContent ?? null, [cell.x + cell.width / 2, cell.y + cell.height / 2]);
  expect(drawn).toContain('Image path');
  await page.screenshot({ path: 'test-results/screenshots/tables-column-added.png' });

  await chooserButton.click();
  await chooser.getByRole('button', { name: 'Restore default columns' }).click();
  await expect(header).toHaveCount(0);
});

test('the details pane resizes by its splitter, and each tab keeps its selection', async ({ page }) => {
  const table = await openProcesses(page);
  const splitter = page.getByTestId('details-splitter');
  const details = page.getByTestId('process-details');
  await expect(splitter).toHaveAttribute('role', 'separator');
  // The preview keeps its settings between runs: start from the default width (a double-click resets).
  await splitter.dblclick();
  await expect(splitter).toHaveAttribute('aria-valuenow', '380');
  const before = (await details.boundingBox())!.width;
  const box = (await splitter.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 100, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(splitter).toHaveAttribute('aria-valuenow', '480');
  expect(Math.round((await details.boundingBox())!.width - before)).toBe(100);
  // By keyboard: Right narrows by 16 px.
  await splitter.focus();
  await page.keyboard.press('ArrowRight');
  await expect(splitter).toHaveAttribute('aria-valuenow', '464');
  await page.screenshot({ path: 'test-results/screenshots/tables-details-resized.png' });

  // Selection per tab, by row identity: a process here, a service there, both still selected on return.
  const processRow = table.getByTestId('process-row').first();
  await processRow.click();
  const pid = await processRow.getAttribute('data-pid');
  await page.getByRole('tab', { name: 'Services' }).click();
  const serviceRow = page.getByTestId('service-table').getByTestId('service-row').first();
  await serviceRow.click();
  const service = await serviceRow.getAttribute('data-name');
  await page.getByRole('tab', { name: 'Processes' }).click();
  await expect(table.locator(`[data-pid="${pid}"]`)).toHaveAttribute('aria-selected', 'true');
  await expect(details).toContainText(`PID ${pid}`);
  // The width was saved: the pane came back at it.
  await expect(splitter).toHaveAttribute('aria-valuenow', '464');
  await page.getByRole('tab', { name: 'Services' }).click();
  await expect(page.getByTestId('service-table').locator(`[data-name="${service}"]`)).toHaveAttribute('aria-selected', 'true');

  await page.getByRole('tab', { name: 'Processes' }).click();
  await splitter.dblclick();
  await expect(splitter).toHaveAttribute('aria-valuenow', '380');
});
