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
import { enumerateStats, win32ServiceManager } from '../../src-main/win32/services';
import { getSystemIdentity } from '../../src-main/win32/system';
import { SERVICE_DRIVER_AND_WIN32, SERVICE_TYPE_ALL_WIN10 } from '../../src-main/win32/services/service-codes';
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
    const enumerateOnly: number[] = [];
    const floor: number[] = [];
    configReads = 0;
    let pollCalls = 0;
    let floorBufferBytes = 0;
    // The same service types as our enumeration asks for, so both do the same work.
    const types = getSystemIdentity().windowsVersion.major >= 10 ? SERVICE_TYPE_ALL_WIN10 : SERVICE_DRIVER_AND_WIN32;
    let deltas = 0;
    for (let r = 0; r < rounds; r++) {
      const callsBefore = win32ServiceManager.callCount();
      const start = process.hrtime.bigint();
      for (let i = 0; i < polls; i++) if (collector.poll(Date.now())) deltas++;
      pollCalls += win32ServiceManager.callCount() - callsBefore;
      ours.push(Number(process.hrtime.bigint() - start) / 1e6 / polls);
      // The same call through koffi with its decoding and nothing else: what the collector adds is the rest.
      const e0 = process.hrtime.bigint();
      for (let i = 0; i < polls; i++) win32ServiceManager.enumerate();
      enumerateOnly.push(Number(process.hrtime.bigint() - e0) / 1e6 / polls);
      const raw = JSON.parse(execFileSync(floorExe, [String(polls), String(types)], { encoding: 'utf8' })) as { microsPerCall: number; services: number; bufferBytes: number };
      floorBufferBytes = raw.bufferBytes;
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
        enumerateOnlyMsPerCall: median(enumerateOnly),
        floorMsPerCall: median(floor),
        bufferBytes: enumerateStats.bufferBytes,
        floorBufferBytes,
        ratioToFloor: median(ours.map((o, i) => o / (floor[i] as number))),
        win32CallsPerSteadyPoll: pollCalls / steadyPolls,
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
