// The renderer bench: builds the bench harness page (scripts/bench/renderer/index.html, its own vite entry,
// never part of the product build), serves it on 127.0.0.1, drives Chromium with Playwright and times the
// real Processes table per tick at 500 and 5,000 rows. Absolute times on a shared machine are noisy, so
// the figures to compare are the ratio (5,000 / 500, same run) and the counts (DOM rows).
//
//   import { runRendererBench } from './bench/renderer/renderer-bench.mjs';
//   const r = await runRendererBench({ chromiumPath: '/usr/bin/chromium' });
//
// Run directly (`node scripts/bench/renderer/renderer-bench.mjs`) it prints the result as JSON.
// The callbacks given to page.evaluate / waitForFunction run in the page, where these exist.
/* global window, document */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..', '..');
const outDir = path.join(repoRoot, '.cache', 'bench-renderer');

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

const round2 = (x) => Math.round(x * 100) / 100;

function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Pools the per-tick samples of several runs at one size into the figures the bench reports. */
function summarize(runs) {
  const all = (key) => runs.flatMap((r) => r[key]);
  const commit = all('commitMs');
  const layout = all('layoutMs');
  return {
    rows: runs[0].rows,
    ticks: commit.length,
    applyDeltaMsMedian: round2(quantile(all('applyMs'), 0.5)),
    commitMsMedian: round2(quantile(commit, 0.5)),
    commitMsP95: round2(quantile(commit, 0.95)),
    commitMsMax: round2(Math.max(...commit)),
    withLayoutMsMedian: round2(quantile(layout, 0.5)),
    withLayoutMsP95: round2(quantile(layout, 0.95)),
    mountMsMedian: round2(quantile(runs.map((r) => r.mountMs), 0.5)),
    maxDomRows: Math.max(...runs.flatMap((r) => [r.domRowsTop, r.domRowsMiddle])),
    longestTaskMs: Math.max(0, ...all('longTasks')),
    longTasks: all('longTasks').length,
    mountLongestTaskMs: Math.max(0, ...all('mountLongTasks')),
  };
}

/** Builds the harness in production mode (React's production build, as the app ships). */
async function buildHarness() {
  const { build } = await import('vite');
  const { default: react } = await import('@vitejs/plugin-react');
  await build({
    configFile: false,
    root: here,
    base: './',
    logLevel: 'warn',
    mode: 'production',
    plugins: [react()],
    build: {
      outDir,
      emptyOutDir: true,
      minify: true,
      rolldownOptions: { input: { index: path.join(here, 'index.html') } },
    },
  });
}

/** Serves the built harness on 127.0.0.1 (an ephemeral port); resolves to { url, close }. */
function serve() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
    const file = path.resolve(outDir, rel);
    if (!file.startsWith(outDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404);
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(() => r(undefined))) });
    });
  });
}

/**
 * Builds, serves and runs the bench. Returns, per scenario (tree view sorted by CPU: the order changes
 * every tick, the worst case; flat list in natural order: only the visible cells change), the per-tick
 * update cost at 500 and 5,000 rows (median, p95, max; from applying the delta to React's commit, and
 * with the forced layout), their ratio, DOM rows (top and scrolled to the middle) and the longest task.
 * Times are ms; a task counts as long at 50 ms (the Long Tasks API's threshold), 0 means none.
 * @param {{ chromiumPath?: string, ticks?: number, rounds?: number, sizes?: number[], screenshot?: string }} [options]
 */
export async function runRendererBench({ chromiumPath = '/usr/bin/chromium', ticks = 40, rounds = 3, sizes = [500, 5000], screenshot } = {}) {
  await buildHarness();
  const server = await serve();
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(server.url);
    await page.waitForFunction(() => document.title === 'renderer bench ready');
    const scenarios = [
      { name: 'treeByCpu', view: 'tree', sort: { column: 'cpuPercent', desc: true } },
      { name: 'flatNatural', view: 'flat', sort: null },
    ];
    // Warm-up (discarded): the first run pays for JIT compilation, which no later tick does.
    await page.evaluate(() => window.rendererBench.run({ rows: 2000, view: 'tree', sort: { column: 'cpuPercent', desc: true }, ticks: 20, warmup: 0 }));
    const result = { chromium: browser.version(), ticksPerRun: ticks, rounds };
    for (const s of scenarios) {
      // Sizes interleaved over several rounds, samples pooled per size: a burst of load from elsewhere on
      // this shared machine then lands on both sizes instead of skewing the ratio.
      const runs = Object.fromEntries(sizes.map((n) => [n, []]));
      for (let round = 0; round < rounds; round++) {
        for (const rows of sizes) {
          runs[rows].push(await page.evaluate((sc) => window.rendererBench.run(sc), { rows, view: s.view, sort: s.sort, ticks, warmup: 5 }));
        }
      }
      const bySize = Object.fromEntries(sizes.map((n) => [n, summarize(runs[n])]));
      const small = bySize[sizes[0]];
      const large = bySize[sizes[sizes.length - 1]];
      result[s.name] = {
        view: s.view,
        sort: s.sort ? `${s.sort.column} ${s.sort.desc ? 'desc' : 'asc'}` : 'natural',
        bySize,
        ratioCommitMedian: round2(large.commitMsMedian / Math.max(small.commitMsMedian, 0.01)),
        ratioWithLayoutMedian: round2(large.withLayoutMsMedian / Math.max(small.withLayoutMsMedian, 0.01)),
        maxDomRows: Math.max(...Object.values(bySize).map((r) => r.maxDomRows)),
        longestTaskMs: Math.max(...Object.values(bySize).map((r) => r.longestTaskMs)),
      };
    }
    // A trusted click must select a row and leave the page idle: a render loop here (TanStack's auto
    // reset re-rendering with new data forever) once hung the renderer on the first real click.
    await page.evaluate(() => window.rendererBench.run({ rows: 500, view: 'tree', sort: null, ticks: 1, warmup: 0 }));
    await page.locator('[data-testid="process-row"]').nth(2).click({ timeout: 10_000 });
    // Polled, not a fixed wait: on a loaded machine the commit after the click can take a while.
    result.clickSelectsRow = await page
      .waitForFunction(() => document.querySelectorAll('[data-testid="process-row"][aria-selected="true"]').length === 1, null, { timeout: 5000 })
      .then(() => true, () => false);
    if (!result.clickSelectsRow) throw new Error('a click on a row did not select exactly that row');
    if (screenshot) await page.screenshot({ path: screenshot });
    if (pageErrors.length > 0) throw new Error(`the harness page threw: ${pageErrors.join('; ')}`);
    return result;
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const screenshot = process.argv[2];
  const result = await runRendererBench({ screenshot });
  console.log(JSON.stringify(result, null, 2));
}
