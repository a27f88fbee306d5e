// The latency bench: time from an event to the screen, with the real renderer in Chromium (Playwright)
// against the preview (the headless host under Wine, the same as the end-to-end tests use).
//   a. a process exits -> its row is gone from the Processes table
//   b. a service changes state -> its row in the Services table shows the new state
//   c. a Run's command exits -> the Run view says so
// The event time is taken where the event happens: test-child.exe records when it calls ExitProcess
// ("stamp" mode), test-service.exe logs when it reports a state (--log-wall-clock). The screen time is
// taken in the page: a MutationObserver sees the DOM show it, and the next requestAnimationFrame (the
// frame that paints it) is the screen time, performance.timeOrigin + performance.now(). Both are this
// machine's wall clock; the bench measures how far apart Wine's, this node's and the page's readings are.
//
//   import { runLatencyBench } from './bench/latency/latency-bench.mjs';
//   const r = await runLatencyBench();           // { clocks, processExit, serviceState, runEnd, ... }
//
// Events run one at a time (the next starts after the previous is on screen), with a random wait before
// each so they land at random points of the refresh interval.
// The callbacks given to page.evaluate / waitForFunction run in the page, where these exist.
/* global window, document, requestAnimationFrame, MutationObserver */
import { spawn, execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { cacheDir, isWindows, repoRoot, wineEnv } from '../../rig/config.mjs';
import { forWindows } from '../../rig/windows-node.mjs';
import { buildNative, nativeExe } from '../../native-build.mjs';
import { stageTestService } from '../../rig/test-service.mjs';
import { devBuild } from '../../dev-build.mjs';
import { clockOffset, lastLogTime, latencyTargets, pairEvents, parseStampFile, summarizeLatency } from './latency-figures.mjs';

const work = path.join(cacheDir, 'bench', 'latency');

/** Runs a Windows program in the rig's Windows (Wine's prefix on Linux). */
function spawnWindows(program, args, options = {}) {
  return isWindows ? spawn(program, args, { windowsHide: true, ...options }) : spawn('wine', [program, ...args], { env: wineEnv(), ...options });
}

/** The rig Windows' own sc.exe; rejects with its output when it fails. */
function sc(args, { check = true } = {}) {
  return new Promise((resolve, reject) => {
    const [file, prefix, env] = isWindows ? ['sc.exe', [], process.env] : ['wine', ['sc.exe'], wineEnv()];
    execFile(file, [...prefix, ...args], { env, timeout: 60_000 }, (err, stdout, stderr) => {
      if (err && check) reject(new Error(`sc.exe ${args.join(' ')} failed: ${err.message}\n${stdout}${stderr}`));
      else resolve(stdout);
    });
  });
}

const randomWait = (minMs, spreadMs) => sleep(minMs + Math.random() * spreadMs);

/** Waits until `read()` returns something other than null/undefined, polling. */
async function until(read, what, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(20);
  }
}

/** Starts `npm run preview`'s script on `port` (already built) and waits until it serves the page. */
async function startPreview(port, key) {
  const logFile = path.join(work, 'preview.out.txt');
  const fd = fs.openSync(logFile, 'w');
  const child = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'preview.mjs'), '--port', String(port), '--no-open', '--skip-build'], {
    stdio: ['ignore', fd, fd],
    env: { ...process.env, PREVIEW_KEY: key },
  });
  fs.closeSync(fd);
  let exited = false;
  child.once('exit', () => (exited = true));
  const url = `http://127.0.0.1:${port}/?key=${key}`;
  await until(
    async () => {
      if (exited) throw new Error(`the preview exited:\n${fs.readFileSync(logFile, 'utf8')}`);
      return fetch(url).then((r) => (r.ok ? true : null), () => null);
    },
    'the preview',
    180_000,
  );
  const stop = () =>
    new Promise((resolve) => {
      if (exited) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
  return { url, stop, logFile };
}

/**
 * Installed in the page: watches for a selector to go away ('gone'), or an attribute to take a value
 * ('value'), after it was first seen otherwise (so a row not yet shown, or the previous run's state, does
 * not count). Records, per id, when the DOM showed it and the next animation frame.
 */
function installWatcher() {
  const now = () => performance.timeOrigin + performance.now();
  const watches = new Map();
  const shown = [];
  const check = () => {
    for (const [id, w] of watches) {
      const el = document.querySelector(w.selector);
      const done = w.kind === 'gone' ? el === null : el !== null && el.getAttribute(w.attribute) === w.value;
      if (!done) {
        // Seen otherwise: present (for 'gone'), or present with another value.
        if (el !== null) w.seenBefore = true;
        continue;
      }
      if (!w.seenBefore) continue;
      watches.delete(id);
      const domMs = now();
      requestAnimationFrame(() => shown.push({ id, domMs, screenMs: now() }));
    }
  };
  new MutationObserver(check).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  // When the pushed change itself reached the page (a listener beside the app's own): what is left of the
  // latency after it is the renderer's.
  const arrivals = [];
  const api = window.adminConsole;
  api.on('processes:changed', (delta) => {
    for (const k of delta.removed) arrivals.push({ key: `process:${k.pid}`, ms: now() });
  });
  api.on('services:changed', (delta) => {
    for (const row of delta.upserted) arrivals.push({ key: `service:${row.name}:${row.state}`, ms: now() });
  });
  api.on('run:changed', (run) => {
    if (run.state !== 'running') arrivals.push({ key: 'run:ended', ms: now() });
  });
  window.latencyWatch = {
    arrivals: () => arrivals,
    arm(id, watch) {
      watches.set(id, { ...watch, seenBefore: false });
      check();
    },
    shown: (id) => shown.find((s) => s.id === id) ?? null,
    all: () => shown,
  };
}

/** Linux node vs Wine: test-child.exe "clock" answers each byte on stdin with its wall-clock reading. */
async function wineClockSamples(count) {
  const child = spawnWindows(nativeExe('test-child'), ['clock'], { stdio: ['pipe', 'pipe', 'ignore'] });
  let buffer = '';
  let waiting = null;
  child.stdout.on('data', (d) => {
    buffer += d;
    const i = buffer.indexOf('\n');
    if (i >= 0 && waiting) {
      const line = buffer.slice(0, i);
      buffer = buffer.slice(i + 1);
      waiting(Number(line));
    }
  });
  const samples = [];
  try {
    for (let i = 0; i < count + 1; i++) {
      const beforeMs = performance.timeOrigin + performance.now();
      const otherMs = await new Promise((resolve) => {
        waiting = resolve;
        child.stdin.write('x');
      });
      const afterMs = performance.timeOrigin + performance.now();
      if (i > 0) samples.push({ beforeMs, otherMs, afterMs }); // the first pays for Wine starting the program
    }
  } finally {
    child.stdin.end();
  }
  return samples;
}

/** Linux node vs the page's performance.timeOrigin + performance.now(). */
async function pageClockSamples(page, count) {
  const samples = [];
  for (let i = 0; i < count; i++) {
    const beforeMs = performance.timeOrigin + performance.now();
    const otherMs = await page.evaluate(() => performance.timeOrigin + performance.now());
    const afterMs = performance.timeOrigin + performance.now();
    samples.push({ beforeMs, otherMs, afterMs });
  }
  return samples;
}

const loadAverage = () => os.loadavg().map((x) => Math.round(x * 100) / 100);

/**
 * a. Processes: test-child.exe "stamp" exits on its own. Two screens: the row marked exited (the console
 * keeps an exited row one refresh, in red, as Task Manager and System Informer do: the first screen that
 * says it ended) and the row gone (one refresh later, by that design).
 */
async function processExits(page, count, runId) {
  await page.getByRole('tab', { name: 'Processes' }).click();
  await page.getByTestId('process-filter').fill(`latbench-${runId}`);
  const events = [];
  const exitedEvents = [];
  for (let i = 0; i < count; i++) {
    const id = `process-${i}`;
    const file = path.join(work, `${runId}-${id}.txt`);
    fs.rmSync(file, { force: true });
    // Long enough for the row to appear (a tick, and the first sight's details) before it exits; random
    // so the exit lands anywhere in the refresh interval.
    const lifetime = Math.round(2500 + Math.random() * 1000);
    const child = spawnWindows(nativeExe('test-child'), ['stamp', String(lifetime), forWindows(file), `latbench-${runId}-${i}`], { stdio: 'ignore' });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const pid = await until(() => (fs.existsSync(file) ? parseStampFile(fs.readFileSync(file, 'utf8')).pid : null), `${id} to start`, 30_000);
    const row = `[data-testid="process-row"][data-pid="${pid}"]`;
    await page.evaluate(
      ([watchId, selector]) => {
        window.latencyWatch.arm(`${watchId}-exited`, { kind: 'value', selector, attribute: 'data-status', value: 'exited' });
        window.latencyWatch.arm(watchId, { kind: 'gone', selector });
      },
      [id, row],
    );
    await page.waitForSelector(row, { timeout: 15_000 }).catch(() => {
      throw new Error(`${id} (PID ${pid}) never appeared in the Processes table before it exited (lifetime ${lifetime} ms)`);
    });
    await exited;
    const eventMs = await until(() => parseStampFile(fs.readFileSync(file, 'utf8')).exitMs, `${id}'s exit time`, 10_000);
    events.push({ id, eventMs });
    exitedEvents.push({ id: `${id}-exited`, eventMs, arrivalKey: `process:${pid}` });
    await until(() => page.evaluate((watchId) => window.latencyWatch.shown(`${watchId}-exited`), id), `${id}'s row to be marked exited`, 20_000);
    await until(() => page.evaluate((watchId) => window.latencyWatch.shown(watchId), id), `${id}'s row to go`, 20_000);
    fs.rmSync(file, { force: true });
    await randomWait(200, 300);
  }
  return { processExit: exitedEvents, processGone: events };
}

/**
 * b. Services: sc.exe stops and starts test-service.exe (another admin tool, not the console, so no
 * console action triggers a poll of its own). Stop and start, not pause and continue: Wine's sc.exe has
 * no pause or continue.
 */
async function serviceChanges(page, count, runId) {
  const name = `LatencyBench${runId}`;
  const log = path.join(work, `${name}.log`);
  fs.rmSync(log, { force: true });
  const program = forWindows(stageTestService());
  await sc(['create', name, 'binPath=', `"${program}" --log-wall-clock --log "${forWindows(log)}"`, 'start=', 'demand']);
  const events = [];
  try {
    await sc(['start', name]);
    await until(() => (fs.existsSync(log) ? lastLogTime(fs.readFileSync(log, 'utf8'), 'state running') : null), 'the test service to run', 60_000);
    await page.getByRole('tab', { name: 'Services' }).click();
    await page.getByTestId('service-filter').fill(name);
    const row = `[data-testid="service-row"][data-name="${name}"]`;
    await page.waitForSelector(`${row}[data-state="running"]`, { timeout: 30_000 });
    let state = 'running';
    for (let i = 0; i < count; i++) {
      const id = `service-${i}`;
      const next = state === 'running' ? 'stopped' : 'running';
      await page.evaluate(([watchId, selector, value]) => window.latencyWatch.arm(watchId, { kind: 'value', selector, attribute: 'data-state', value }), [id, row, next]);
      const before = lastLogTime(fs.readFileSync(log, 'utf8'), `state ${next}`);
      await sc([next === 'stopped' ? 'stop' : 'start', name]);
      const eventMs = await until(() => {
        const at = lastLogTime(fs.readFileSync(log, 'utf8'), `state ${next}`);
        return at !== null && at !== before ? at : null;
      }, `${name} to report ${next}`, 20_000);
      events.push({ id, eventMs, arrivalKey: `service:${name}:${next}` });
      await until(() => page.evaluate((watchId) => window.latencyWatch.shown(watchId), id), `${name}'s row to show ${next}`, 20_000);
      state = next;
      // Random, up to a whole poll: the next change lands anywhere in the SCM poll's interval.
      await randomWait(200, 2000);
    }
  } finally {
    await sc(['stop', name], { check: false });
    await sc(['delete', name], { check: false });
  }
  return { serviceState: events };
}

/**
 * c. Run: the Run view starts test-child.exe, which records when it exits; the view's status must leave
 * "running". Quietly ("stamp": sleeps, no output), or after flooding its output with `floodBytes` (past the
 * output cap: the case where "Exited" was seen 4 s late).
 */
function runEnds(kind, floodBytes) {
  return async (page, count, runId) => {
    await page.getByRole('tab', { name: 'Run' }).click();
    const program = forWindows(nativeExe('test-child'));
    const events = [];
    for (let i = 0; i < count; i++) {
      const id = `${kind}-${i}`;
      const file = path.join(work, `${runId}-${id}.txt`);
      fs.rmSync(file, { force: true });
      const lifetime = Math.round(800 + Math.random() * 400);
      const command = floodBytes ? `"${program}" flood ${floodBytes} "${forWindows(file)}"` : `"${program}" stamp ${lifetime} "${forWindows(file)}"`;
      await page.getByTestId('run-command').fill(command);
      await page.evaluate((watchId) => window.latencyWatch.arm(watchId, { kind: 'value', selector: '[data-testid="run-status"]', attribute: 'data-state', value: 'exited' }), id);
      await page.getByTestId('run-start').click();
      const eventMs = await until(() => (fs.existsSync(file) ? parseStampFile(fs.readFileSync(file, 'utf8')).exitMs : null), `${id}'s command to exit`, 60_000);
      events.push({ id, eventMs, arrivalKey: 'run:ended' });
      await until(() => page.evaluate((watchId) => window.latencyWatch.shown(watchId), id), `the Run view to say ${id} exited`, 60_000);
      fs.rmSync(file, { force: true });
      await randomWait(200, 300);
    }
    return { [kind]: events };
  };
}

/**
 * Builds, starts the preview on `port`, drives Chromium and returns the figures per kind of event
 * (events, medianMs, worstMs, targetMs, met, latenciesMs), the intervals the targets come from, the
 * clocks' offsets and the load average before and after.
 * @param {{ chromiumPath?: string, port?: number, events?: number, floodBytes?: number, screenshotDir?: string }} [options]
 */
export async function runLatencyBench({ chromiumPath = '/usr/bin/chromium', port = Number(process.env.LATENCY_PREVIEW_PORT ?? 4797), events = 20, floodBytes = 8 * 1048576, screenshotDir } = {}) {
  fs.mkdirSync(work, { recursive: true });
  buildNative({ log: () => {} });
  stageTestService();
  await devBuild();
  const loadBefore = loadAverage();
  const runId = Date.now().toString(36);
  const preview = await startPreview(port, randomBytes(16).toString('hex'));
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    // The preview's stand-in for the native confirmation (Run asks before it starts a command).
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(preview.url);
    await page.getByRole('tab', { name: 'Processes' }).waitFor({ timeout: 60_000 });
    await page.evaluate(installWatcher);

    // The targets come from what is in effect: the admin's refresh interval, and the services poll.
    const settings = await page.evaluate(() => window.adminConsole.settings.get({}));
    const services = await page.evaluate(() => window.adminConsole.services.getSnapshot({}));
    const refreshIntervalMs = (settings.value ?? settings).refresh.intervalMs;
    const servicePollMs = (services.value ?? services).pollIntervalMs;
    const paused = (settings.value ?? settings).refresh.paused;
    if (paused) throw new Error('the refresh is paused in the preview\'s settings: the tables would never update');
    const targets = latencyTargets({ refreshIntervalMs, servicePollMs });

    const wine = clockOffset(await wineClockSamples(20));
    const pageClock = clockOffset(await pageClockSamples(page, 20));
    // Event and screen times are compared across Wine's clock and the page's: they agree within both bounds and offsets.
    const clockBoundMs = Math.abs(wine.offsetMs) + wine.boundMs + Math.abs(pageClock.offsetMs) + pageClock.boundMs;

    const result = { chromium: browser.version(), refreshIntervalMs, servicePollMs, floodBytes, clocks: { wineVsNode: wine, pageVsNode: pageClock, boundMs: Math.round(clockBoundMs * 1000) / 1000 } };
    const kinds = [
      [processExits, 'latency-processes'],
      [serviceChanges, 'latency-services'],
      [runEnds('runEnd'), 'latency-run'],
      [runEnds('runEndAfterFlood', floodBytes), 'latency-run-flood'],
    ];
    for (const [measure, shot] of kinds) {
      const happened = await measure(page, events, runId);
      const [shown, arrivals] = await page.evaluate(() => [window.latencyWatch.all(), window.latencyWatch.arrivals()]);
      for (const [kind, list] of Object.entries(happened)) result[kind] = summarizeLatency(pairEvents(list, shown, clockBoundMs, arrivals), targets[kind]);
      if (screenshotDir) await page.screenshot({ path: path.join(screenshotDir, `${shot}.png`) });
    }
    if (pageErrors.length > 0) throw new Error(`the console page threw: ${pageErrors.join('; ')}`);
    result.loadAverage = { before: loadBefore, after: loadAverage(), cores: os.cpus().length };
    return result;
  } finally {
    await browser.close();
    await preview.stop();
  }
}

/** The lines `npm run bench` prints for this part. */
export function printLatency(l) {
  const line = (label, k, what) => {
    const toPage = k.toPageMedianMs === undefined ? '' : `; pushed to the page: median ${k.toPageMedianMs.toFixed(0)} ms, worst ${k.toPageWorstMs.toFixed(0)} ms`;
    console.log(`  ${label.padEnd(24)} median ${k.medianMs.toFixed(0)} ms, worst ${k.worstMs.toFixed(0)} ms over ${k.events} (target ${k.targetMs} ms: ${what}) ${k.met ? 'met' : 'NOT met'}${toPage}`);
  };
  console.log(`Event to screen (Chromium ${l.chromium}, preview host under ${isWindows ? 'Windows' : 'Wine'}; load average ${l.loadAverage.before.join(' ')} -> ${l.loadAverage.after.join(' ')} on ${l.loadAverage.cores} cores)`);
  line('process exits, marked', l.processExit, `refresh ${l.refreshIntervalMs} ms + 100`);
  line('process exits, row gone', l.processGone, `shown exited for one refresh, then ${l.refreshIntervalMs} ms + 100`);
  line('service state shown', l.serviceState, `SCM poll ${l.servicePollMs} ms + 100`);
  line('run ends, Run view says', l.runEnd, '250 ms');
  line(`  after ${l.floodBytes / 1048576} MB of output`, l.runEndAfterFlood, '250 ms');
  console.log(
    `  clocks                   Wine vs node ${l.clocks.wineVsNode.offsetMs.toFixed(2)} ± ${l.clocks.wineVsNode.boundMs.toFixed(2)} ms, page vs node ${l.clocks.pageVsNode.offsetMs.toFixed(2)} ± ${l.clocks.pageVsNode.boundMs.toFixed(2)} ms`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await runLatencyBench({ screenshotDir: path.join(repoRoot, 'test-results', 'screenshots') });
  console.log(JSON.stringify(result, null, 2));
  printLatency(result);
}
