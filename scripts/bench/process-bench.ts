/**
 * Runs inside Windows node (under Wine on Linux): the Processes collector per tick - one snapshot, CPU math,
 * delta encoding - against the raw C loop of the same NtQuerySystemInformation call and against
 * `wmic process get` (what the npm process libraries shell out to), interleaved round by round, with
 * `extra` sleeping test processes alive. Also counts Win32 calls per steady tick and the bytes pushed.
 *
 *   node process-bench.cjs <floor.exe> <test-child.exe> <out.json> <extra> <rounds> <ticksPerRound>
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { ProcessCollector } from '../../src-main/core/processes/process-collector';
import type { ProcessSource } from '../../src-main/core/processes/process-source';
import { win32ProcessSource } from '../../src-main/win32/processes';

const [, , floorArg, childArg, outArg, extraArg = '300', roundsArg = '5', ticksArg = '20'] = process.argv;
if (!floorArg || !childArg || !outArg) throw new Error('usage: process-bench <floor.exe> <test-child.exe> <out.json> [extra] [rounds] [ticks]');
const floorExe: string = floorArg;
const childExe: string = childArg;
const outFile: string = outArg;
const extra = Number(extraArg);
const rounds = Number(roundsArg);
const ticks = Number(ticksArg);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function main() {
  // One spawner starts the extra processes in its own kill-on-close job; the spawner itself is in node's
  // (libuv's) kill-on-close job, so everything ends with this script whatever happens.
  const children: ChildProcess[] = [spawn(childExe, ['spawn', String(extra), '900'], { stdio: 'ignore', windowsHide: true })];
  const deadline = Date.now() + 60_000;
  while (win32ProcessSource.snapshot().length < extra && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));

  const calls = { snapshot: 0, details: 0 };
  const counting: ProcessSource = {
    snapshot: () => (calls.snapshot++, win32ProcessSource.snapshot()),
    details: (pid, ct) => (calls.details++, win32ProcessSource.details(pid, ct)),
    modules: (pid, ct) => win32ProcessSource.modules(pid, ct),
    priorityClasses: (targets) => win32ProcessSource.priorityClasses(targets),
    hungWindows: () => win32ProcessSource.hungWindows(),
  };
  const collector = new ProcessCollector(counting, os.cpus().length, new Set([process.pid]));
  const firstStart = process.hrtime.bigint();
  collector.tick(Date.now());
  const firstTickMs = Number(process.hrtime.bigint() - firstStart) / 1e6;
  // Detail reads are spread over ticks by their time budget: tick until every process is in the table,
  // which is the start-up cost, then measure the steady state.
  let fillTicks = 1;
  while (collector.snapshot().processes.length < win32ProcessSource.snapshot().length - 2 && fillTicks < 200) {
    collector.tick(Date.now());
    fillTicks++;
  }
  const fillMs = Number(process.hrtime.bigint() - firstStart) / 1e6;
  collector.tick(Date.now()); // the last newcomers get their first CPU reading
  const processCount = collector.snapshot().processes.length;
  const resyncBytes = Buffer.byteLength(JSON.stringify(collector.snapshot()));

  const ours: number[] = [];
  const floor: number[] = [];
  const wmic: number[] = [];
  const tickBytes: number[] = [];
  calls.snapshot = 0;
  calls.details = 0;
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < ticks; i++) tickBytes.push(Buffer.byteLength(JSON.stringify(collector.tick(Date.now()))));
    ours.push(Number(process.hrtime.bigint() - start) / 1e6 / ticks);
    const raw = JSON.parse(execFileSync(floorExe, [String(ticks)], { encoding: 'utf8' })) as { microsPerCall: number };
    floor.push(raw.microsPerCall / 1000);
    const w0 = process.hrtime.bigint();
    execFileSync('wmic', ['process', 'get', 'ProcessId,ParentProcessId,Name,CommandLine,WorkingSetSize'], { stdio: 'ignore' });
    wmic.push(Number(process.hrtime.bigint() - w0) / 1e6);
  }
  const steadyTicks = rounds * ticks;
  fs.writeFileSync(
    outFile,
    JSON.stringify({
      processCount,
      extraProcesses: extra,
      rounds,
      ticksPerRound: ticks,
      oursMsPerTick: median(ours),
      floorMsPerCall: median(floor),
      wmicMsPerCall: median(wmic),
      ratioToFloor: median(ours.map((o, i) => o / (floor[i] as number))),
      wmicOverOurs: median(wmic.map((w, i) => w / (ours[i] as number))),
      win32CallsPerSteadyTick: (calls.snapshot + calls.details) / steadyTicks,
      detailReadsPerSteadyTick: calls.details / steadyTicks,
      firstTickMs,
      fillTicks,
      fillMs,
      steadyTickBytesMedian: median(tickBytes),
      steadyTickBytesMax: Math.max(...tickBytes),
      resyncBytes,
    }),
  );
  for (const c of children) c.kill();
}

main().catch((err) => {
  process.stderr.write(String(err?.stack ?? err));
  process.exit(1);
});
