import type { Page } from '@playwright/test';

/**
 * Opens the console in the preview. The preview serves its page only with the per-run key that
 * playwright.config.ts hands it through PREVIEW_KEY.
 */
export async function openConsole(page: Page): Promise<void> {
  await page.goto(`/?key=${process.env.PREVIEW_KEY ?? ''}`);
}
