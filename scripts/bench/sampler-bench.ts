/**
 * Runs inside Windows node (under Wine on Linux): our Performance collector per tick (the koffi probe plus
 * the core's CPU, network and disk math and history) against the raw C loop of the same calls
 * (native/bench-system-sampler.c), interleaved round by round so both see the same machine at the same
 * moment. Writes JSON to the file named in argv. The process totals come from the process collector's
 * snapshot, so neither side pays for them here.
 *
 *   node sampler-bench.cjs <floor.exe> <out.json> <rounds> <ticksPerRound>
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { PerformanceMonitor } from '../../src-main/core/performance/performance-monitor';
import type { SystemProbe } from '../../src-main/core/system/system-probe';
import { win32SystemProbe, wineVersion } from '../../src-main/win32/system';

const [, , floorExe, outFile, roundsArg = '7', ticksArg = '1000'] = process.argv;
if (!floorExe || !outFile) throw new Error('usage: sampler-bench <floor.exe> <out.json> [rounds] [ticks]');
const rounds = Number(roundsArg);
const ticks = Number(ticksArg);

// Win32 calls behind one probe method, where it is not one: GetIfTable2 + FreeMibTable; one DeviceIoControl per disk.
const CALLS_PER_METHOD: Record<string, (result: unknown) => number> = {
  getInterfaceOctets: () => 2,
  getDiskBytes: (result) => (result as unknown[]).length,
};
let win32Calls = 0;
const counting = Object.fromEntries(
  Object.entries(win32SystemProbe).map(([name, fn]) => [
    name,
    (...args: unknown[]) => {
      const result = (fn as (...a: unknown[]) => unknown)(...args);
      win32Calls += CALLS_PER_METHOD[name]?.(result) ?? 1;
      return result;
    },
  ]),
) as unknown as SystemProbe;

const monitor = new PerformanceMonitor(counting, undefined, { underWine: wineVersion() !== null });
monitor.sample(); // warm-up: first koffi calls, buffer sizing

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const ours: number[] = [];
const floor: number[] = [];
let floorDisks = { disks: 0, diskCounters: 0 };
win32Calls = 0;
for (let r = 0; r < rounds; r++) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < ticks; i++) monitor.sample();
  ours.push(Number(process.hrtime.bigint() - start) / 1000 / ticks);
  const raw = JSON.parse(execFileSync(floorExe, [String(ticks)], { encoding: 'utf8' })) as { microsPerTick: number; disks: number; diskCounters: number };
  floor.push(raw.microsPerTick);
  floorDisks = { disks: raw.disks, diskCounters: raw.diskCounters };
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
    /** Disks the floor opened, and whether they answered IOCTL_DISK_PERFORMANCE (Wine: no, so neither side asks per tick). */
    floorDisks,
    diskUnreported: monitor.samples().at(-1)?.unreported?.diskReadBytesPerSec ?? null,
    oursRounds: ours,
    floorRounds: floor,
  }),
);
