import { test, expect, type Locator, type Page } from '@playwright/test';
import { openConsole } from './console-page';

// The console in Windows' light and dark app modes and in high contrast (forced colors), as Chromium
// emulates them; and the Performance charts' axes as drawn on screen. Colours are read back with
// getComputedStyle: what the admin sees, not what the stylesheet says.

const consoleErrors: string[] = [];
test.beforeEach(async ({ page }) => {
  consoleErrors.length = 0;
  page.on('console', (msg) => {
    if (msg.type() === 'error' || /Content Security Policy/i.test(msg.text())) consoleErrors.push(msg.text());
  });
});
test.afterEach(() => {
  expect(consoleErrors, 'errors or CSP violations logged in the page').toEqual([]);
});

type Rgb = [number, number, number];

/** "rgb(1, 2, 3)" / "rgba(1, 2, 3, 0.8)" -> [r, g, b, alpha]; anything else (none, a keyword) fails the test. */
function rgba(css: string): [number, number, number, number] {
  const m = /^rgba?\((\d+(?:\.\d+)?), (\d+(?:\.\d+)?), (\d+(?:\.\d+)?)(?:, (\d*\.?\d+))?\)$/.exec(css);
  expect(m, `a colour, got "${css}"`).not.toBeNull();
  return [Number(m![1]), Number(m![2]), Number(m![3]), m![4] === undefined ? 1 : Number(m![4])];
}

/** `fg` as seen over the opaque `bg` (Chromium's high contrast Highlight is 80 % opaque). */
function over(fg: string, bg: string): Rgb {
  const [r, g, b, a] = rgba(fg);
  const [br, bgG, bb, ba] = rgba(bg);
  expect(ba, `an opaque background, got "${bg}"`).toBe(1);
  return [r * a + br * (1 - a), g * a + bgG * (1 - a), b * a + bb * (1 - a)];
}

/** WCAG 2 contrast ratio of `fg` over `bg` (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio). */
function contrast(fg: string, bg: string): number {
  const lum = (c: Rgb) => {
    const [r, g, b] = c.map((v) => {
      const s = v / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as Rgb;
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [lum(over(fg, bg)), lum(over(bg, bg))].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** One chart line as drawn: its series class, its computed stroke, and its legend swatch's stroke. */
interface DrawnLine {
  readonly series: string;
  readonly stroke: string;
  readonly swatch: string | null;
}

interface ThemeReading {
  readonly background: string;
  readonly text: string;
  readonly surface: string;
  readonly muted: string;
  readonly lines: DrawnLine[];
}

/** The page's colours as computed now: the page, a card, muted text, and every Performance chart line. */
async function readTheme(page: Page): Promise<ThemeReading> {
  return page.evaluate(() => {
    const style = (el: Element | null) => (el ? getComputedStyle(el) : null);
    const root = document.documentElement;
    const card = document.querySelector('.chart-card');
    const lines: { series: string; stroke: string; swatch: string | null }[] = [];
    for (const chartCard of Array.from(document.querySelectorAll('.chart-card'))) {
      for (const line of Array.from(chartCard.querySelectorAll('.recharts-line.series'))) {
        const series = Array.from(line.classList).find((c) => c.startsWith('series--')) ?? '';
        const curve = line.querySelector('.recharts-line-curve');
        const swatch = chartCard.querySelector(`.legend__swatch.${series} line`);
        lines.push({ series, stroke: style(curve)?.stroke ?? 'missing', swatch: style(swatch)?.stroke ?? null });
      }
    }
    return {
      background: style(root)!.backgroundColor,
      text: style(document.body)!.color,
      surface: style(card)!.backgroundColor,
      muted: style(card?.querySelector('.chart-text') ?? null)!.color,
      lines,
    };
  });
}

/** Waits until the Performance charts have drawn lines (two samples make a line). */
async function performanceWithLines(page: Page): Promise<void> {
  await openConsole(page);
  await expect(page.getByTestId('performance-status')).toContainText('Live');
  await expect(page.locator('.chart-card .recharts-line-curve').first()).toBeVisible({ timeout: 15_000 });
}

test('the console follows light, dark and high contrast, and chart lines match their legends in each', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light', forcedColors: 'none' });
  await performanceWithLines(page);
  const readings: Record<'light' | 'dark' | 'highContrast', ThemeReading> = {} as never;

  for (const [name, media] of [
    ['light', { colorScheme: 'light', forcedColors: 'none' }],
    ['dark', { colorScheme: 'dark', forcedColors: 'none' }],
    ['highContrast', { colorScheme: 'dark', forcedColors: 'active' }],
  ] as const) {
    await page.emulateMedia(media);
    const r = await readTheme(page);
    readings[name] = r;

    // Body text and the charts' muted text are readable on their backgrounds (WCAG AA: 4.5:1).
    expect(contrast(r.text, r.background), `${name}: text on the page`).toBeGreaterThanOrEqual(4.5);
    expect(contrast(r.muted, r.surface), `${name}: muted text on a card`).toBeGreaterThanOrEqual(4.5);
    // Every line is drawn (not "none", not the fallback text colour), in its legend's colour where it has
    // a legend entry, and stands out from the card (WCAG 1.4.11: 3:1 for graphics).
    expect(r.lines.length, `${name}: lines on the Performance charts`).toBeGreaterThanOrEqual(3);
    for (const line of r.lines) {
      expect(line.series, `${name}: a line with a series class`).toMatch(/^series--/);
      if (line.swatch !== null) expect(line.stroke, `${name}: ${line.series} line vs its legend swatch`).toBe(line.swatch);
      expect(contrast(line.stroke, r.surface), `${name}: ${line.series} on the card`).toBeGreaterThanOrEqual(name === 'highContrast' ? 4.5 : 3);
      if (name !== 'highContrast') expect(line.stroke, `${name}: ${line.series} has its own colour, not the text colour`).not.toBe(r.text);
    }
    const total = r.lines.find((l) => l.series === 'series--cpu-total');
    expect(total?.swatch, `${name}: the CPU total has a legend swatch`).toBeTruthy();
    await page.screenshot({ path: `test-results/screenshots/theme-${name === 'highContrast' ? 'high-contrast' : name}.png`, fullPage: true });
  }

  // The three really differ: the page, the card and a chart line change colour between them.
  const { light, dark, highContrast } = readings;
  const totalStroke = (r: ThemeReading) => r.lines.find((l) => l.series === 'series--cpu-total')!.stroke;
  expect(new Set([light.background, dark.background, highContrast.background]).size).toBe(3);
  expect(new Set([totalStroke(light), totalStroke(dark), totalStroke(highContrast)]).size).toBe(3);
  expect(contrast(light.background, dark.background)).toBeGreaterThan(10);
  // High contrast draws with the system's colours: the page is Canvas and the total line Highlight.
  const system = await page.evaluate(() => {
    const probe = document.createElement('span');
    document.body.append(probe);
    probe.style.color = 'Canvas';
    const canvas = getComputedStyle(probe).color;
    probe.style.color = 'Highlight';
    const highlight = getComputedStyle(probe).color;
    probe.remove();
    return { canvas, highlight };
  });
  expect(highContrast.background).toBe(system.canvas);
  expect(totalStroke(highContrast)).toBe(system.highlight);
});

test('a selected row, a pressed button and a disabled button stay visible in high contrast', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark', forcedColors: 'active' });
  await openConsole(page);
  await page.getByRole('tab', { name: 'Processes' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Processes' });
  const firstRow = panel.locator('.ptable__row:not(.ptable__row--head)').first();
  await expect(firstRow).toBeVisible({ timeout: 20_000 });
  await firstRow.click();
  await expect(firstRow).toHaveClass(/ptable__row--selected/);
  const seen = await page.evaluate(() => {
    const probe = document.createElement('span');
    document.body.append(probe);
    const system = (name: string) => {
      probe.style.color = name;
      return getComputedStyle(probe).color;
    };
    const out = { highlight: system('Highlight'), highlightText: system('HighlightText'), grayText: system('GrayText'), selected: '', selectedText: '', pressed: '' };
    probe.remove();
    const selected = document.querySelector('.ptable__row--selected');
    out.selected = selected ? getComputedStyle(selected).backgroundColor : 'none';
    // Every piece of text in the selected row is HighlightText (none left in CanvasText on Highlight).
    const texts = selected ? Array.from(selected.querySelectorAll('*')).filter((el) => el.textContent?.trim()).map((el) => getComputedStyle(el).color) : [];
    out.selectedText = [...new Set(texts)].join(' ');
    const pressed = document.querySelector(".segmented button[aria-pressed='true']");
    out.pressed = pressed ? getComputedStyle(pressed).backgroundColor : 'none';
    return out;
  });
  expect(seen.selected, 'the selected row is Highlight, not flattened to Canvas').toBe(seen.highlight);
  expect(seen.selectedText, "the selected row's text").toBe(seen.highlightText);
  expect(seen.pressed, 'the pressed view button is Highlight').toBe(seen.highlight);
  await page.screenshot({ path: 'test-results/screenshots/theme-high-contrast-processes.png' });

  // With no job selected, the Jobs tab's job actions are disabled: GrayText, not a faded CanvasText.
  await page.getByRole('tab', { name: 'Jobs' }).click();
  const disabled = page.getByRole('tabpanel', { name: 'Jobs' }).locator('button:disabled').first();
  await expect(disabled).toBeVisible();
  expect(await disabled.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).opacity])).toEqual([seen.grayText, '1']);

  // The keyboard focus ring: a solid Highlight outline on whatever Tab reaches.
  await page.getByRole('tab', { name: 'Jobs' }).focus();
  await page.keyboard.press('Tab');
  const ring = await page.evaluate(() => {
    const el = document.activeElement!;
    const cs = getComputedStyle(el);
    return { matches: el.matches(':focus-visible'), style: cs.outlineStyle, width: cs.outlineWidth, colour: cs.outlineColor };
  });
  expect(ring).toEqual({ matches: true, style: 'solid', width: '2px', colour: seen.highlight });
});

/** "1.5 GB" -> bytes (binary units, as formatBytes prints them). */
function parseBytes(label: string): number {
  const m = /^(\d+(?:\.\d+)?) (bytes|KB|MB|GB|TB)$/.exec(label.trim());
  expect(m, `a byte label, got "${label}"`).not.toBeNull();
  const power = ['bytes', 'KB', 'MB', 'GB', 'TB'].indexOf(m![2]!);
  return Number(m![1]) * 1024 ** power;
}

/** The tick labels of one axis of a chart, left to right or bottom to top as drawn. */
async function tickLabels(chart: Locator, axis: 'x' | 'y'): Promise<string[]> {
  // Recharts 3 draws the tick labels in their own layer, .recharts-xAxis-tick-labels / -yAxis-.
  const ticks = chart.locator(`.recharts-${axis}Axis-tick-labels .recharts-cartesian-axis-tick-value`);
  const rows = await ticks.evaluateAll((els, a) =>
    els.map((el) => {
      const box = el.getBoundingClientRect();
      return { text: el.textContent ?? '', at: a === 'x' ? box.left : -box.top };
    }), axis);
  return rows.sort((p, q) => p.at - q.at).map((r) => r.text);
}

test('the memory chart is scaled to the memory in use, with round, distinct ticks and time from the first sample', async ({ page }) => {
  await performanceWithLines(page);
  // More than the narrowest window (10 s), so the newest sample is the right edge.
  const count = page.getByTestId('performance-sample-count');
  await expect.poll(async () => Number(await count.textContent()), { timeout: 30_000 }).toBeGreaterThanOrEqual(13);
  const chart = page.getByRole('img', { name: 'Memory usage chart, last ten minutes' });
  await expect(chart.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value').first()).toBeVisible();

  const labels = await tickLabels(chart, 'y');
  const ticks = labels.map(parseBytes);
  expect(new Set(labels).size, `no repeated labels: ${labels.join(', ')}`).toBe(labels.length);
  expect(ticks[0]).toBe(0);
  for (let i = 1; i < ticks.length; i++) expect(ticks[i]!).toBeGreaterThan(ticks[i - 1]!);
  // Even, round steps: one step everywhere, 1, 2 or 5 times a power of ten in the axis's unit.
  const unit = labels[labels.length - 1]!.split(' ')[1]!;
  const step = ticks[1]! - ticks[0]!;
  for (let i = 1; i < ticks.length; i++) expect(ticks[i]! - ticks[i - 1]!).toBeCloseTo(step, 0);
  const stepInUnit = step / 1024 ** ['bytes', 'KB', 'MB', 'GB', 'TB'].indexOf(unit);
  const mantissa = stepInUnit / 10 ** Math.floor(Math.log10(stepInUnit) + 1e-9);
  expect([1, 2, 5].some((m) => Math.abs(mantissa - m) < 1e-6), `a 1-2-5 step, got ${stepInUnit} ${unit}`).toBe(true);
  expect(ticks.length).toBeGreaterThanOrEqual(3);
  expect(ticks.length).toBeLessThanOrEqual(7);

  // Scaled to what is in use and committed now, not to the commit limit or the machine's RAM.
  const inUse = Number(await page.getByTestId('performance-memory-in-use').getAttribute('data-bytes'));
  const committed = Number(await page.getByTestId('performance-committed').getAttribute('data-bytes'));
  const top = ticks[ticks.length - 1]!;
  const largest = Math.max(inUse, committed);
  expect(top, `top tick ${labels[labels.length - 1]} covers ${largest} bytes`).toBeGreaterThanOrEqual(largest * 0.98);
  expect(top, `top tick ${labels[labels.length - 1]} is near ${largest} bytes, not far above`).toBeLessThan(largest * 2.1);

  // The time axis: clock labels, increasing, never repeated; the lines start at the plot's left edge (the
  // window begins at the first sample) and reach its right edge (the newest sample).
  const times = await tickLabels(chart, 'x');
  // Every label whole on screen: none cut at the chart's edges (the newest sample is often on a tick).
  const clipped = await chart.evaluate((el) => {
    const frame = el.querySelector('svg.recharts-surface')!.getBoundingClientRect();
    return Array.from(el.querySelectorAll('.recharts-cartesian-axis-tick-value'))
      .map((t) => ({ text: t.textContent, box: t.getBoundingClientRect() }))
      .filter(({ box }) => box.left < frame.left - 0.5 || box.right > frame.right + 0.5 || box.top < frame.top - 0.5 || box.bottom > frame.bottom + 0.5)
      .map(({ text }) => text);
  });
  expect(clipped, 'tick labels cut at the edge of the chart').toEqual([]);
  // On every Performance chart, no two time labels run into each other.
  const crowded = await page.locator('.performance__charts').evaluate((el) =>
    Array.from(el.querySelectorAll('.recharts-xAxis-tick-labels')).flatMap((axis) => {
      const boxes = Array.from(axis.querySelectorAll('.recharts-cartesian-axis-tick-value')).map((t) => ({ text: t.textContent, box: t.getBoundingClientRect() }));
      boxes.sort((a, b) => a.box.left - b.box.left);
      return boxes.slice(1).filter((b, i) => b.box.left < boxes[i]!.box.right + 2).map((b, i) => `${boxes[i]!.text} / ${b.text}`);
    }),
  );
  expect(crowded, 'time labels overlapping').toEqual([]);
  expect(times.length).toBeGreaterThanOrEqual(2);
  expect(new Set(times).size, `no repeated time labels: ${times.join(', ')}`).toBe(times.length);
  for (const t of times) expect(t).toMatch(/^\d\d:\d\d(:\d\d)?$/);
  const geometry = await chart.evaluate((el) => {
    const grid = el.querySelector('.recharts-cartesian-grid')!.getBoundingClientRect();
    const curve = el.querySelector('.series--physical-used .recharts-line-curve') as SVGPathElement;
    const length = curve.getTotalLength();
    const ctm = curve.getScreenCTM()!;
    const toScreen = (p: DOMPoint) => new DOMPoint(p.x, p.y).matrixTransform(ctm).x;
    return { left: grid.left, right: grid.right, first: toScreen(curve.getPointAtLength(0)), last: toScreen(curve.getPointAtLength(length)) };
  });
  expect(geometry.first, `the line starts at the left edge, not as a sliver at the right (${JSON.stringify(geometry)})`).toBeLessThan(geometry.left + 3);
  expect(Math.abs(geometry.last - geometry.right), `the line ends at the right edge (${JSON.stringify(geometry)})`).toBeLessThan(3);

  // Committed is often level with physical in use (always, under Wine): the dashed committed line is drawn
  // over the thick one, so both stay visible.
  const order = await chart.evaluate((el) => Array.from(el.querySelectorAll('.recharts-line.series')).map((l) => Array.from(l.classList).find((c) => c.startsWith('series--'))));
  expect(order.indexOf('series--committed'), `drawing order ${order.join(', ')}`).toBeGreaterThan(order.indexOf('series--physical-used'));

  await page.locator('.performance__charts').screenshot({ path: 'test-results/screenshots/chart-scaled-axes.png' });
});
