/**
 * Runs inside Windows node (under Wine on Linux): the Services poll - one EnumServicesStatusExW, row
 * building and diffing - against the raw C loop of the same call, interleaved round by round, with `extra`
 * bench services installed (never started; removed at the end) so the table is the size of a real
 * machine's. Counts Win32 calls and configuration reads per steady poll (both must be 1 and 0).
 *
 *   node service-bench.cjs <floor.exe> <out.json> <extra> <rounds> <pollsPerRound>
 */
import fs from 'node:fs';
import { ServiceCollector } from '../../src-main/core/services/service-collector';
import type { ServiceManager } from '../../src-main/core/services/service-manager';
import { win32ServiceManager } from '../../src-main/win32/services';
import { execFileSync } from 'node:child_process';

const [, , floorArg, outArg, extraArg = '200', roundsArg = '5', pollsArg = '20'] = process.argv;
if (!floorArg || !outArg) throw new Error('usage: service-bench <floor.exe> <out.json> [extra] [rounds] [polls]');
const floorExe: string = floorArg;
const outFile: string = outArg;
const extra = Number(extraArg);
const rounds = Number(roundsArg);
const polls = Number(pollsArg);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const PREFIX = `AdminConsoleBench${process.pid}_`;

function main() {
  const installed: string[] = [];
  try {
    for (let i = 0; i < extra; i++) {
      const name = `${PREFIX}${i}`;
      win32ServiceManager.create({
        name,
        displayName: `Admin Console bench service ${i}`,
        binaryPath: '"C:\\Program Files\\Admin Console Bench\\never-started.exe" --index ' + i,
        startType: 'manual',
        errorControl: 'ignore',
        dependencies: [],
        account: null,
        password: null,
      });
      installed.push(name);
    }
    let configReads = 0;
    const counting: ServiceManager = {
      ...win32ServiceManager,
      enumerate: () => win32ServiceManager.enumerate(),
      config: (name) => (configReads++, win32ServiceManager.config(name)),
      callCount: () => win32ServiceManager.callCount(),
    };
    const collector = new ServiceCollector(counting);
    // Start-up: the first poll, then the configuration slices the core runs as separate tasks.
    const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;
    const firstStart = process.hrtime.bigint();
    collector.poll(Date.now());
    const firstPollMs = ms(firstStart);
    const firstPollConfigReads = configReads;
    let slices = 1;
    let longestSliceMs = firstPollMs;
    while (collector.configsPending()) {
      const sliceStart = process.hrtime.bigint();
      collector.readUnread(Date.now());
      longestSliceMs = Math.max(longestSliceMs, ms(sliceStart));
      slices++;
    }
    const fillMs = ms(firstStart);
    const configReadsAtStart = configReads;
    const snapshot = collector.snapshot();
    const resyncBytes = Buffer.byteLength(JSON.stringify(snapshot));

    const ours: number[] = [];
    const floor: number[] = [];
    configReads = 0;
    const callsBefore = win32ServiceManager.callCount();
    let deltas = 0;
    for (let r = 0; r < rounds; r++) {
      const start = process.hrtime.bigint();
      for (let i = 0; i < polls; i++) if (collector.poll(Date.now())) deltas++;
      ours.push(Number(process.hrtime.bigint() - start) / 1e6 / polls);
      const raw = JSON.parse(execFileSync(floorExe, [String(polls)], { encoding: 'utf8' })) as { microsPerCall: number; services: number };
      floor.push(raw.microsPerCall / 1000);
    }
    const steadyPolls = rounds * polls;
    fs.writeFileSync(
      outFile,
      JSON.stringify({
        serviceCount: snapshot.services.length,
        extraServices: extra,
        rounds,
        pollsPerRound: polls,
        oursMsPerPoll: median(ours),
        floorMsPerCall: median(floor),
        ratioToFloor: median(ours.map((o, i) => o / (floor[i] as number))),
        win32CallsPerSteadyPoll: (win32ServiceManager.callCount() - callsBefore) / steadyPolls,
        configReadsPerSteadyPoll: configReads / steadyPolls,
        deltasInSteadyState: deltas,
        firstPollMs,
        firstPollConfigReads,
        configReadsAtStart,
        startSlices: slices,
        longestStartSliceMs: longestSliceMs,
        startFillMs: fillMs,
        resyncBytes,
      }),
    );
  } finally {
    for (const name of installed) {
      try {
        win32ServiceManager.remove(name);
      } catch (err) {
        process.stderr.write(`could not remove ${name}: ${String(err)}\n`);
      }
    }
  }
}

try {
  main();
} catch (err) {
  process.stderr.write(String((err as Error)?.stack ?? err));
  process.exit(1);
}
