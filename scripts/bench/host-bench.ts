/**
 * Runs inside Windows node (under Wine on Linux): the service host (native/service-host/) against a plain
 * service binary (native/test-service.exe), both installed and run by the SCM in the same run:
 *  - a quiet window: the host's working set and CPU time while its program sleeps (the host waits on its
 *    completion port, nothing else: the target is no CPU at all), next to test-service.exe's;
 *  - crash to running again: the gap between the program's crash and its next start, less the backoff
 *    delay (jitter 0, so the delay is exact) - what the host itself adds;
 *  - stop latency: ControlService(STOP) to STOPPED, for the host (its program ends on Ctrl+C) and for
 *    test-service.exe.
 * Every service it installs is removed at the end.
 *
 *   node host-bench.cjs <service-host.exe> <test-hosted.exe> <test-service.exe> <out.json> <quietSeconds> <rounds>
 */
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { quoteArgument } from '../../src-main/win32/processes/launch';
import { readProcessSnapshot } from '../../src-main/win32/processes/snapshot';
import { win32ServiceManager as manager } from '../../src-main/win32/services';
import { setParameters } from '../../src-main/win32/service-host/test-hosted-services';

const [, , hostArg, programArg, serviceArg, outArg, quietArg = '60', roundsArg = '5'] = process.argv;
if (!hostArg || !programArg || !serviceArg || !outArg) throw new Error('usage: host-bench <service-host.exe> <test-hosted.exe> <test-service.exe> <out.json> [quietSeconds] [rounds]');
const hostExe: string = hostArg;
const programExe: string = programArg;
const serviceExe: string = serviceArg;
const quietSeconds = Number(quietArg);
const rounds = Number(roundsArg);
const PREFIX = `AdminConsoleBenchHost${process.pid}_`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const installed: string[] = [];
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'host-bench-'));

function install(name: string, binaryPath: string): void {
  manager.create({ name, displayName: name, binaryPath, startType: 'manual', errorControl: 'ignore', dependencies: [], account: null, password: null });
  installed.push(name);
}

function installHosted(name: string, parameters: Record<string, number | string | string[]>): void {
  install(name, [hostExe, '--service', name].map((a) => quoteArgument(a)).join(' '));
  setParameters(name, { SchemaVersion: 1, Program: programExe, ...parameters });
}

async function waitState(name: string, state: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (manager.status(name).state !== state) {
    if (Date.now() > end) throw new Error(`${name} not ${state} after ${ms} ms (is ${manager.status(name).state})`);
    await sleep(20);
  }
}

function processFigures(pid: number): { workingSetBytes: number; cpuMs: number } | null {
  const p = readProcessSnapshot().processes.find((x) => x.pid === pid);
  return p ? { workingSetBytes: p.workingSetBytes, cpuMs: Number(p.userTime + p.kernelTime) / 10_000 } : null;
}

function recorded(file: string): { event: string; pid: number; at: number }[] {
  try {
    return fs
      .readFileSync(file, 'utf8')
      .split(/\r?\n/)
      .filter(Boolean)
      .map((l) => l.split(' '))
      .map(([event, pid, at]) => ({ event: event!, pid: Number(pid), at: Number(at) }));
  } catch {
    return [];
  }
}

async function main() {
  const results: Record<string, unknown> = { quietSeconds, rounds };
  try {
    // 1. A quiet window: both running, nothing happening.
    const hosted = `${PREFIX}quiet`;
    const plain = `${PREFIX}plain`;
    installHosted(hosted, { Arguments: ['sleep', String(quietSeconds + 60)] });
    install(plain, quoteArgument(serviceExe));
    manager.start(hosted, []);
    manager.start(plain, []);
    await waitState(hosted, 'running');
    await waitState(plain, 'running');
    await sleep(2000); // past start-up
    const hostPid = manager.status(hosted).pid;
    const plainPid = manager.status(plain).pid;
    const before = { host: processFigures(hostPid), plain: processFigures(plainPid) };
    await sleep(quietSeconds * 1000);
    const afterQuiet = { host: processFigures(hostPid), plain: processFigures(plainPid) };
    results.quiet = {
      hostWorkingSetBytes: afterQuiet.host?.workingSetBytes ?? null,
      plainWorkingSetBytes: afterQuiet.plain?.workingSetBytes ?? null,
      hostCpuMs: before.host && afterQuiet.host ? afterQuiet.host.cpuMs - before.host.cpuMs : null,
      plainCpuMs: before.plain && afterQuiet.plain ? afterQuiet.plain.cpuMs - before.plain.cpuMs : null,
    };

    // 2. Stop latency, both: the hosted program ends on Ctrl+C (the first step).
    const hostStops: number[] = [];
    const plainStops: number[] = [];
    for (let i = 0; i < rounds; i++) {
      if (i > 0) {
        manager.start(hosted, []);
        manager.start(plain, []);
        await waitState(hosted, 'running');
        await waitState(plain, 'running');
        await sleep(300);
      }
      let t0 = performance.now();
      manager.control(hosted, 'stop');
      await waitState(hosted, 'stopped');
      hostStops.push(performance.now() - t0);
      t0 = performance.now();
      manager.control(plain, 'stop');
      await waitState(plain, 'stopped');
      plainStops.push(performance.now() - t0);
    }
    results.stop = { hostMsMedian: median(hostStops), plainMsMedian: median(plainStops), hostMs: hostStops, plainMs: plainStops };

    // 3. Crash to running again, beyond the backoff delay (jitter 0: the delay is exactly base * 2^(n-1)).
    const record = path.join(scratch, 'crash-record.txt');
    const crashing = `${PREFIX}crash`;
    const crashAfterMs = 300;
    const baseMs = 200;
    installHosted(crashing, {
      Arguments: ['--record', record, 'crash', String(crashAfterMs)],
      RestartBaseMs: baseMs,
      RestartFactorPercent: 100,
      RestartJitterPercent: 0,
      RestartMaxCount: rounds,
    });
    manager.start(crashing, []);
    await waitState(crashing, 'stopped', 60_000);
    const starts = recorded(record).filter((e) => e.event === 'start');
    const beyond = starts.slice(1).map((s, i) => s.at - starts[i]!.at - crashAfterMs - baseMs);
    results.crash = {
      restarts: beyond.length,
      hostBeyondDelayMsMedian: beyond.length ? median(beyond) : null,
      hostBeyondDelayMs: beyond,
      // Not measured: a plain service is restarted only by the SCM's recovery actions, which Wine 8 never
      // applies (README, "What Wine proves and what waits for Windows"); a Windows run could add it.
      plainBeyondDelayMsMedian: null,
    };
  } finally {
    for (const name of installed) {
      try {
        const s = manager.status(name);
        if (s.state === 'running') {
          manager.control(name, 'stop');
          await waitState(name, 'stopped').catch(() => {});
        }
        manager.remove(name);
      } catch {
        // already gone
      }
    }
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  fs.writeFileSync(outArg!, JSON.stringify(results));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
