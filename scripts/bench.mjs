// `npm run bench`: figures that do not depend on how busy this shared machine is - ratios measured in one
// run and counts. Under Wine on Linux, natively on Windows.
//  1. Collector: our per-tick Performance collection (koffi + core) vs a raw C loop of the same calls,
//     interleaved in the same Windows node / Wine at the same moment -> ratio, and Win32 calls per tick.
//  1b. Processes and Services: the same ratio for the process snapshot and the SCM poll, plus calls per poll.
//  2. Push: bytes per tick of the performance:changed event through the headless host, and the
//     request round trip over its socket.
//  5. Service host: its working set and CPU over a quiet window, stop latency and crash-to-running beyond
//     the backoff delay, next to test-service.exe in the same run. BENCH_ONLY=host runs only this part,
//     BENCH_ONLY=collector only part 1, BENCH_ONLY=push only the push figures of part 2.
//  6. Event to screen: a process exits, a service changes state, a run's command exits -> the time until
//     the console in Chromium shows it (20 events each; scripts/bench/latency/). BENCH_ONLY=latency runs
//     only this part.
// Results print as a table and go to test-results/bench.json.
import fs from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { cacheDir, repoRoot } from './rig/config.mjs';
import { ensureRig } from './rig/setup.mjs';
import { forWindows, runWindowsNode } from './rig/windows-node.mjs';
import { buildNative, nativeExe } from './native-build.mjs';
import { bundleForWindowsNode } from './windows-bundle.mjs';
import { devBuild } from './dev-build.mjs';
import { startHost } from './host-launcher.mjs';
import { runRendererBench } from './bench/renderer/renderer-bench.mjs';
import { printLatency, runLatencyBench } from './bench/latency/latency-bench.mjs';

const rig = ensureRig();
if (!rig.ok) {
  for (const m of rig.missing) console.error(`missing: ${m}`);
  process.exit(1);
}
const work = path.join(cacheDir, 'bench');
fs.mkdirSync(work, { recursive: true });
const results = { date: new Date().toISOString(), platform: process.platform === 'win32' ? 'windows' : 'wine' };

buildNative({ log: () => {} });

/** 5. The service host vs a plain service binary (scripts/bench/host-bench.ts). */
async function runHostBench() {
  const hostScript = await bundleForWindowsNode(path.join(repoRoot, 'scripts', 'bench', 'host-bench.ts'), path.join(work, 'bundle-host'), 'host-bench.cjs');
  const hostOut = path.join(work, 'service-host.json');
  const quietSeconds = Number(process.env.BENCH_HOST_QUIET_SECONDS ?? 60);
  const hostRun = await runWindowsNode(
    [forWindows(hostScript), forWindows(nativeExe('service-host')), forWindows(nativeExe('test-hosted')), forWindows(nativeExe('test-service')), forWindows(hostOut), String(quietSeconds), '5'],
    { outputFile: path.join(work, 'service-host.out.txt'), timeoutMs: 600_000 },
  );
  if (hostRun.code !== 0) throw new Error(`service host bench failed (${hostRun.code}):\n${hostRun.output}`);
  return JSON.parse(fs.readFileSync(hostOut, 'utf8'));
}

function printHostBench(h) {
  const mb = (b) => (b === null ? 'unknown' : `${(b / 1048576).toFixed(1)} MB`);
  const ms = (x) => (x === null ? 'unknown' : `${x.toFixed(0)} ms`);
  console.log(`Service host vs test-service.exe (same run; quiet window ${h.quietSeconds} s, ${h.rounds} rounds)`);
  console.log(`  working set              host ${mb(h.quiet.hostWorkingSetBytes)}, plain service ${mb(h.quiet.plainWorkingSetBytes)}`);
  console.log(`  CPU over the quiet window host ${ms(h.quiet.hostCpuMs)}, plain service ${ms(h.quiet.plainCpuMs)}`);
  console.log(`  stop latency             host ${ms(h.stop.hostMsMedian)} (program ends on Ctrl+C), plain service ${ms(h.stop.plainMsMedian)} (medians)`);
  console.log(`  crash to running again   host ${ms(h.crash.hostBeyondDelayMsMedian)} beyond the backoff delay (median of ${h.crash.restarts}); plain service not measured (SCM recovery, never applied by Wine)`);
}

/** 6. Event to screen, on its own preview (port LATENCY_PREVIEW_PORT, default 4797). */
const latencyBench = () => runLatencyBench({ screenshotDir: path.join(repoRoot, 'test-results', 'screenshots') });

if (process.env.BENCH_ONLY === 'latency') {
  // Into bench.json beside the other parts' last figures (kept), dated on its own.
  const latency = { date: results.date, ...(await latencyBench()) };
  const file = path.join(repoRoot, 'test-results', 'bench.json');
  const previous = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : { platform: results.platform };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify({ ...previous, latency }, null, 2)}\n`);
  printLatency(latency);
  process.exit(0);
}

if (process.env.BENCH_ONLY === 'host') {
  results.serviceHost = await runHostBench();
  fs.mkdirSync(path.join(repoRoot, 'test-results'), { recursive: true });
  fs.writeFileSync(path.join(repoRoot, 'test-results', 'bench-service-host.json'), `${JSON.stringify(results, null, 2)}\n`);
  printHostBench(results.serviceHost);
  process.exit(0);
}

// Functions below are hoisted: the push part runs alone without the collector parts before it.
if (process.env.BENCH_ONLY === 'push') {
  printPush(await runPushBench());
  process.exit(0);
}

function printCollector(c) {
  console.log(`\nPerformance collector (${results.platform}, median of ${c.rounds} interleaved rounds x ${c.ticksPerRound} ticks)`);
  console.log(`  ours (koffi + core)      ${c.oursMicrosPerTick.toFixed(1)} us/tick`);
  console.log(`  raw C, same calls        ${c.floorMicrosPerTick.toFixed(1)} us/tick`);
  console.log(`  ratio ours / floor       ${c.ratio.toFixed(2)}x`);
  console.log(`  Win32 calls per tick     ${c.win32CallsPerTick}`);
  console.log(`  disks                    ${c.floorDisks.disks} opened; ${c.floorDisks.diskCounters ? 'counters read every tick' : `no counters, not asked per tick (${c.diskUnreported ?? 'no reason'})`}`);
}

// 1. Collector vs the C floor (BENCH_ONLY=collector runs only this part).
const script = await bundleForWindowsNode(path.join(repoRoot, 'scripts', 'bench', 'sampler-bench.ts'), path.join(work, 'bundle'), 'sampler-bench.cjs');
const out = path.join(work, 'sampler.json');
const run = await runWindowsNode([forWindows(script), forWindows(nativeExe('bench-system-sampler')), forWindows(out), '7', '1000'], { outputFile: path.join(work, 'sampler.out.txt'), timeoutMs: 300_000 });
if (run.code !== 0) throw new Error(`sampler bench failed (${run.code}):\n${run.output}`);
results.collector = JSON.parse(fs.readFileSync(out, 'utf8'));
if (process.env.BENCH_ONLY === 'collector') {
  printCollector(results.collector);
  process.exit(0);
}

// 2. Processes: per-tick collection with a few hundred extra processes vs the C floor and wmic.
const extraProcesses = Number(process.env.BENCH_EXTRA_PROCESSES ?? 300);
const processScript = await bundleForWindowsNode(path.join(repoRoot, 'scripts', 'bench', 'process-bench.ts'), path.join(work, 'bundle-processes'), 'process-bench.cjs');
const processOut = path.join(work, 'processes.json');
const processRun = await runWindowsNode(
  [forWindows(processScript), forWindows(nativeExe('bench-process-snapshot')), forWindows(nativeExe('test-child')), forWindows(processOut), String(extraProcesses), '5', '20'],
  { outputFile: path.join(work, 'processes.out.txt'), timeoutMs: 600_000 },
);
if (processRun.code !== 0) throw new Error(`process bench failed (${processRun.code}):\n${processRun.output}`);
results.processes = JSON.parse(fs.readFileSync(processOut, 'utf8'));

// 2b. Services: one poll with a couple of hundred extra (never started) services vs the C floor.
const extraServices = Number(process.env.BENCH_EXTRA_SERVICES ?? 200);
const serviceScript = await bundleForWindowsNode(path.join(repoRoot, 'scripts', 'bench', 'service-bench.ts'), path.join(work, 'bundle-services'), 'service-bench.cjs');
const serviceOut = path.join(work, 'services.json');
const serviceRun = await runWindowsNode([forWindows(serviceScript), forWindows(nativeExe('bench-service-enum')), forWindows(serviceOut), String(extraServices), '5', '20'], {
  outputFile: path.join(work, 'services.out.txt'),
  timeoutMs: 600_000,
});
if (serviceRun.code !== 0) throw new Error(`service bench failed (${serviceRun.code}):\n${serviceRun.output}`);
results.services = JSON.parse(fs.readFileSync(serviceOut, 'utf8'));

// 3. Through the host: bytes per pushed sample and the socket round trip (BENCH_ONLY=push runs only this part).
async function runPushBench() {
  await devBuild(['host']);
  const host = await startHost({ dataFolder: path.join(work, 'host-data'), name: 'bench' });
  try {
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/?token=${host.token}`);
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    let nextId = 1;
    const waiting = new Map();
    const sizes = [];
    let withReasons = 0;
    socket.on('message', (data) => {
      const msg = JSON.parse(String(data));
      if (msg.event === 'performance:changed') {
        sizes.push(Buffer.byteLength(String(data)));
        if (msg.payload.unreported !== undefined) withReasons++;
      } else waiting.get(msg.id)?.(msg.result);
    });
    const call = (channel, request) => new Promise((resolve) => { const id = nextId++; waiting.set(id, resolve); socket.send(JSON.stringify({ id, channel, request })); });
    await call('settings:setRefresh', { intervalMs: 500, paused: false });
    const trips = [];
    for (let i = 0; i < 200; i++) {
      const t0 = process.hrtime.bigint();
      await call('settings:get', {});
      trips.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    while (sizes.length < 10) await new Promise((r) => setTimeout(r, 100));
    const history = await call('performance:getHistory', {});
    await call('settings:setRefresh', { intervalMs: 1000 });
    socket.close();
    trips.sort((a, b) => a - b);
    const steady = [...sizes].sort((a, b) => a - b);
    // The push a tick whose reasons changed would make (the first one always does): the history's newest
    // sample, which always carries them, in the same envelope.
    const newest = history.value.samples.at(-1);
    return {
      eventBytesPerTick: steady[Math.floor(steady.length / 2)],
      eventBytesMax: steady[steady.length - 1],
      eventsWithReasons: withReasons,
      events: sizes.length,
      eventBytesWithReasons: Buffer.byteLength(JSON.stringify({ event: 'performance:changed', payload: newest })),
      historyResyncBytes: Buffer.byteLength(JSON.stringify(history)),
      historySamples: history.value.samples.length,
      roundTripMsMedian: trips[100],
      roundTripMsP99: trips[197],
    };
  } finally {
    await host.stop();
  }
}

function printPush(p) {
  console.log('Push through the host (the same dispatcher and events Electron uses)');
  console.log(`  performance:changed      median ${p.eventBytesPerTick} bytes/tick, max ${p.eventBytesMax} (${p.eventsWithReasons} of ${p.events} carried the reasons; a push that does: ${p.eventBytesWithReasons} bytes)`);
  console.log(`  history resync           ${p.historyResyncBytes} bytes for ${p.historySamples} samples`);
  console.log(`  request round trip       median ${p.roundTripMsMedian.toFixed(2)} ms, p99 ${p.roundTripMsP99.toFixed(2)} ms`);
}
results.push = await runPushBench();

// 4. Renderer: the real Processes table under Chromium with synthetic deltas at 500 and 5,000 rows.
results.renderer = await runRendererBench();

// 5. The service host.
results.serviceHost = await runHostBench();

// 6. Event to screen.
results.latency = await latencyBench();

fs.mkdirSync(path.join(repoRoot, 'test-results'), { recursive: true });
fs.writeFileSync(path.join(repoRoot, 'test-results', 'bench.json'), `${JSON.stringify(results, null, 2)}\n`);
const c = results.collector;
const p = results.push;
printCollector(c);
const pr = results.processes;
console.log(`Processes collector (${pr.processCount} processes incl. ${pr.extraProcesses} extra, median of ${pr.rounds} rounds x ${pr.ticksPerRound} ticks)`);
console.log(`  ours per tick            ${pr.oursMsPerTick.toFixed(2)} ms (snapshot + CPU % + delta)`);
console.log(`  raw C, same call         ${pr.floorMsPerCall.toFixed(2)} ms`);
console.log(`  ratio ours / floor       ${pr.ratioToFloor.toFixed(2)}x`);
console.log(`  wmic process get         ${pr.wmicMsPerCall.toFixed(0)} ms per call (${pr.wmicOverOurs.toFixed(0)}x ours)`);
console.log(`  Win32 calls per tick     ${pr.win32CallsPerSteadyTick.toFixed(2)} (detail reads ${pr.detailReadsPerSteadyTick.toFixed(2)})`);
console.log(`  start-up                 first tick ${pr.firstTickMs.toFixed(0)} ms; all ${pr.processCount} shown after ${pr.fillTicks} ticks (${pr.fillMs.toFixed(0)} ms of collection, detail reads budgeted per tick)`);
console.log(`  bytes per tick           median ${pr.steadyTickBytesMedian}, max ${pr.steadyTickBytesMax}; resync ${pr.resyncBytes}`);
const sv = results.services;
console.log(`Services poll (${sv.serviceCount} services incl. ${sv.extraServices} extra, median of ${sv.rounds} rounds x ${sv.pollsPerRound} polls)`);
console.log(`  ours per poll            ${sv.oursMsPerPoll.toFixed(2)} ms (EnumServicesStatusExW + rows + diff)`);
console.log(`  koffi call + decode only ${sv.enumerateOnlyMsPerCall.toFixed(2)} ms`);
console.log(`  raw C, same call         ${sv.floorMsPerCall.toFixed(2)} ms (buffers: ours ${sv.bufferBytes} B, C ${sv.floorBufferBytes} B)`);
console.log(`  ratio ours / floor       ${sv.ratioToFloor.toFixed(2)}x`);
console.log(`  Win32 calls per poll     ${sv.win32CallsPerSteadyPoll.toFixed(2)} (config reads ${sv.configReadsPerSteadyPoll.toFixed(2)}); deltas sent when nothing changed: ${sv.deltasInSteadyState}`);
console.log(`  start-up                 ${sv.configReadsAtStart} config reads in ${sv.startSlices} slices, longest ${sv.longestStartSliceMs.toFixed(0)} ms (first poll ${sv.firstPollMs.toFixed(0)} ms, all in ${sv.startFillMs.toFixed(0)} ms)`);
console.log(`  resync                   ${sv.resyncBytes} bytes`);
printPush(p);
const r = results.renderer;
for (const name of ['treeByCpu', 'flatNatural']) {
  const sc = r[name];
  const small = sc.bySize['500'];
  const large = sc.bySize['5000'];
  console.log(`Renderer, Processes table (${sc.view}, sorted ${sc.sort}; Chromium ${r.chromium})`);
  console.log(`  update per tick          500 rows ${small.commitMsMedian} ms, 5,000 rows ${large.commitMsMedian} ms (ratio ${sc.ratioCommitMedian})`);
  console.log(`  with layout              500 rows ${small.withLayoutMsMedian} ms, 5,000 rows ${large.withLayoutMsMedian} ms (ratio ${sc.ratioWithLayoutMedian})`);
  console.log(`  DOM rows at most         ${sc.maxDomRows}; longest task ${sc.longestTaskMs} ms`);
}
printHostBench(results.serviceHost);
printLatency(results.latency);
