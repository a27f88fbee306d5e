import { test, expect, type Locator, type Page } from '@playwright/test';
import { openConsole } from './console-page';

// Chart history lives in main (jobs:history, processes:history): leaving a tab and coming back keeps the
// charts' earlier points instead of starting them over from the next tick.

/**
 * True when the chart shows points and its first one is from well before `leftAt` (when the test left the
 * tab): a history gathered only since coming back would start after it.
 */
async function startsBefore(chart: Locator, leftAt: number): Promise<boolean> {
  const first = await chart.getAttribute('data-first');
  return first !== null && first !== '' && Number(await chart.getAttribute('data-points')) > 0 && Number(first) < leftAt - 5000;
}

function acceptDialogs(page: Page): void {
  page.on('dialog', (dialog) => void dialog.accept());
}

test("a job's charts keep their earlier points across a tab switch", async ({ page }) => {
  test.setTimeout(90_000);
  acceptDialogs(page);
  const name = `E2E history ${Date.now().toString(36)}`;
  await openConsole(page);
  await page.getByRole('tab', { name: 'Jobs' }).click();
  await page.getByTestId('job-new').click();
  await page.getByTestId('job-new-name').fill(name);
  await page.getByTestId('job-new-create').click();
  const row = page.locator(`[data-testid="job-row"][data-name="${name}"]`);
  await expect(row).toBeVisible({ timeout: 15_000 });
  try {
    await row.click();

    const chart = page.getByTestId('job-chart');
    const points = async () => Number(await chart.getAttribute('data-points'));
    // At the default 1 s refresh: about eight seconds of history.
    await expect.poll(points, { timeout: 20_000 }).toBeGreaterThanOrEqual(8);
    const before = await points();
    const leftAt = Date.now();
    await page.screenshot({ path: 'test-results/screenshots/job-history-before.png' });

    await page.getByRole('tab', { name: 'Performance' }).click();
    await expect(page.getByRole('tabpanel', { name: 'Performance' })).toBeVisible();
    await page.waitForTimeout(2000);
    await page.getByRole('tab', { name: 'Jobs' }).click();
    await expect(row).toBeVisible();
    // The selection may or may not be kept per tab; the history must be kept either way.
    if (!(await chart.isVisible())) await row.click();
    // The chart still has the points from before the switch, and about as many (the view's very first point,
    // from a snapshot read before main's first tick with the job, is the one main may not have).
    await expect.poll(() => startsBefore(chart, leftAt), { timeout: 10_000 }).toBe(true);
    expect(await points()).toBeGreaterThanOrEqual(before - 1);
    await page.screenshot({ path: 'test-results/screenshots/job-history-after.png' });
  } finally {
    // The preview keeps the console's jobs across runs: close this one even when the test failed.
    await page.getByRole('tab', { name: 'Jobs' }).click();
    await row.click();
    await page.getByTestId('job-close').click();
    await expect(row).toHaveCount(0, { timeout: 10_000 });
  }
});

test("a process's charts keep their earlier points across a tab switch", async ({ page }) => {
  await openConsole(page);
  await page.getByRole('tab', { name: 'Processes' }).click();
  const filter = page.getByTestId('process-filter');
  const rows = page.getByTestId('process-table').getByTestId('process-row');
  // The preview's own host (Windows node under Wine, or node on Windows) runs for the whole test.
  const select = async () => {
    await filter.fill('node.exe');
    await expect(rows.first()).toBeVisible({ timeout: 15_000 });
    await rows.first().click();
  };
  await select();
  const chart = page.getByTestId('process-chart');
  const points = async () => Number(await chart.getAttribute('data-points'));
  await expect.poll(points, { timeout: 20_000 }).toBeGreaterThanOrEqual(8);
  const before = await points();
  const leftAt = Date.now();

  await page.getByRole('tab', { name: 'Performance' }).click();
  await page.waitForTimeout(2000);
  await page.getByRole('tab', { name: 'Processes' }).click();
  if (!(await chart.isVisible())) await select();
  await expect.poll(() => startsBefore(chart, leftAt), { timeout: 10_000 }).toBe(true);
  expect(await points()).toBeGreaterThanOrEqual(before - 1);
});
