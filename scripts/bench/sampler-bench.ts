/**
 * Runs inside Windows node (under Wine on Linux): our Performance collector per tick (the koffi probe plus
 * the core's CPU math and history) against the raw C loop of the same three calls, interleaved round by
 * round so both see the same machine at the same moment. Writes JSON to the file named in argv.
 *
 *   node sampler-bench.cjs <floor.exe> <out.json> <rounds> <ticksPerRound>
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { PerformanceMonitor } from '../../src-main/core/performance/performance-monitor';
import type { SystemProbe } from '../../src-main/core/system/system-probe';
import { win32SystemProbe } from '../../src-main/win32/system';

const [, , floorExe, outFile, roundsArg = '7', ticksArg = '1000'] = process.argv;
if (!floorExe || !outFile) throw new Error('usage: sampler-bench <floor.exe> <out.json> [rounds] [ticks]');
const rounds = Number(roundsArg);
const ticks = Number(ticksArg);

let win32Calls = 0;
const counting = Object.fromEntries(
  Object.entries(win32SystemProbe).map(([name, fn]) => [name, (...args: unknown[]) => (win32Calls++, (fn as (...a: unknown[]) => unknown)(...args))]),
) as unknown as SystemProbe;

const monitor = new PerformanceMonitor(counting);
monitor.sample(); // warm-up: first koffi calls, buffer sizing

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const ours: number[] = [];
const floor: number[] = [];
win32Calls = 0;
for (let r = 0; r < rounds; r++) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < ticks; i++) monitor.sample();
  ours.push(Number(process.hrtime.bigint() - start) / 1000 / ticks);
  const raw = JSON.parse(execFileSync(floorExe, [String(ticks)], { encoding: 'utf8' })) as { microsPerTick: number };
  floor.push(raw.microsPerTick);
}

fs.writeFileSync(
  outFile,
  JSON.stringify({
    rounds,
    ticksPerRound: ticks,
    oursMicrosPerTick: median(ours),
    floorMicrosPerTick: median(floor),
    ratio: median(ours.map((o, i) => o / (floor[i] as number))),
    win32CallsPerTick: win32Calls / (rounds * ticks),
    oursRounds: ours,
    floorRounds: floor,
  }),
);
