import { describe, expect, it } from 'vitest';
import { ProcessDelta, ProcessSnapshot } from '../../../src-preload/contract/schemas';
import { PROCESS_NUMBER_FIELDS } from '../../../src-preload/contract/process-fields';
import { DETAILS_BUDGET_MS, hasUnknownConsoleChild, MAX_INCOMPLETE_READS, ProcessCollector, processCpuPercent } from './process-collector';
import { raw, ScriptedSource } from './test-doubles';

/** A clock the test advances: 1 s = 10,000,000 x 100 ns. */
function clock() {
  let now = 0n;
  return { read: () => now, advanceSeconds: (s: number) => (now += BigInt(s) * 10_000_000n) };
}

describe('processCpuPercent', () => {
  it('is CPU time over wall time times processors, null on first sighting or a backwards counter', () => {
    expect(processCpuPercent(undefined, 100n, 10n, 1)).toBeNull();
    expect(processCpuPercent(0n, 5_000_000n, 10_000_000n, 1)).toBe(50);
    expect(processCpuPercent(0n, 5_000_000n, 10_000_000n, 4)).toBe(12.5);
    expect(processCpuPercent(0n, 40_000_000n, 10_000_000n, 4)).toBe(100);
    expect(processCpuPercent(10n, 5n, 10_000_000n, 1)).toBeNull();
    expect(processCpuPercent(0n, 5n, 0n, 1)).toBeNull();
  });
});

describe('hasUnknownConsoleChild', () => {
  it("is true only for a new child of the console's own processes that is not one of them", () => {
    const own = new Set([777, 778]);
    expect(hasUnknownConsoleChild([{ pid: 779, parentPid: 777 }], own)).toBe(true);
    expect(hasUnknownConsoleChild([{ pid: 778, parentPid: 777 }], own)).toBe(false);
    expect(hasUnknownConsoleChild([{ pid: 900, parentPid: 4 }], own)).toBe(false);
    expect(hasUnknownConsoleChild([], own)).toBe(false);
  });
});

describe('ProcessCollector', () => {
  it('adds every process on the first tick, with details read once and no CPU % yet', () => {
    const source = new ScriptedSource([raw(4, 0, 0n, { name: 'System' }), raw(100, 4, 5n)]);
    const c = clock();
    const collector = new ProcessCollector(source, 2, new Set([999]), c.read);
    const delta = collector.tick(1000);
    expect(ProcessDelta.parse(delta)).toBeTruthy();
    expect(delta).toMatchObject({ seq: 1, baseSeq: 0, removed: [], changed: [] });
    expect(delta.added.map((r) => [r.pid, r.cpuPercent, r.critical])).toEqual([
      [4, null, true],
      [100, null, false],
    ]);
    expect(delta.added[1]).toMatchObject({ imagePath: 'C:\\bin\\p100.exe', commandLine: 'p100.exe --flag "a b"', user: 'HOST\\admin', createTime: '5' });
    expect(source.snapshots).toBe(1);
    expect(source.detailCalls).toEqual(['4:0', '100:5']);
  });

  it('sends only changed numbers afterwards, with one snapshot and no detail reads per tick', () => {
    const source = new ScriptedSource([raw(100, 4, 5n), raw(200, 4, 6n)]);
    const c = clock();
    const collector = new ProcessCollector(source, 1, new Set(), c.read);
    collector.tick(1000);
    c.advanceSeconds(1);
    source.current[0] = raw(100, 4, 5n, { userTime: 2_500_000n, kernelTime: 2_500_000n, workingSetBytes: 2000 });
    const delta = collector.tick(2000);
    expect(delta).toMatchObject({ seq: 2, baseSeq: 1, added: [], removed: [] });
    const cpuBit = 1 << PROCESS_NUMBER_FIELDS.indexOf('cpuPercent');
    const wsBit = 1 << PROCESS_NUMBER_FIELDS.indexOf('workingSetBytes');
    const userBit = 1 << PROCESS_NUMBER_FIELDS.indexOf('userTimeMs');
    const kernelBit = 1 << PROCESS_NUMBER_FIELDS.indexOf('kernelTimeMs');
    // p100: cpu 50 %, working set, user and kernel time changed; p200: its cpu went from null to 0.
    expect(delta.changed).toEqual([
      [100, cpuBit | wsBit | userBit | kernelBit, 50, 2000, 250, 250],
      [200, cpuBit, 0],
    ]);
    c.advanceSeconds(1);
    expect(collector.tick(3000).changed).toEqual([[100, cpuBit, 0]]);
    expect(source.snapshots).toBe(3);
    expect(source.detailCalls).toHaveLength(2);
  });

  it('treats a reused PID as an exit plus a new process, in the same delta', () => {
    const source = new ScriptedSource([raw(100, 4, 5n)]);
    const collector = new ProcessCollector(source, 1, new Set(), clock().read);
    collector.tick(1);
    source.current = [raw(100, 4, 9n, { name: 'other.exe' })];
    const delta = collector.tick(2);
    expect(delta.removed).toEqual([{ pid: 100, createTime: '5' }]);
    expect(delta.added.map((r) => [r.pid, r.createTime, r.name])).toEqual([[100, '9', 'other.exe']]);
    expect(collector.find(100, '5')).toBeUndefined();
    expect(collector.find(100, '9')?.name).toBe('other.exe');
  });

  it('totals processes, threads and handles over the whole snapshot of the last tick, not-yet-shown processes included', () => {
    const source = new ScriptedSource([raw(100, 4, 5n, { threadCount: 3, handleCount: 40 }), raw(200, 100, 6n, { threadCount: 7, handleCount: 60 })]);
    source.startingFor.set('200:6', 2); // still starting: not in the table yet, but it is running
    const collector = new ProcessCollector(source, 1, new Set(), clock().read);
    expect(collector.totals()).toBeUndefined();
    collector.tick(1);
    expect(collector.snapshot().processes.map((p) => p.pid)).toEqual([100]);
    expect(collector.totals()).toEqual({ processes: 2, threads: 10, handles: 100 });
    source.current = [raw(100, 4, 5n, { threadCount: 4, handleCount: 41 })];
    collector.tick(2);
    expect(collector.totals()).toEqual({ processes: 1, threads: 4, handles: 41 });
  });

  it('gives a full snapshot at the current seq for resync', () => {
    const source = new ScriptedSource([raw(100, 4, 5n), raw(200, 100, 6n)]);
    const collector = new ProcessCollector(source, 8, new Set(), clock().read);
    collector.tick(10);
    collector.tick(20);
    const snap = ProcessSnapshot.parse(collector.snapshot());
    expect(snap).toMatchObject({ seq: 2, time: 20, logicalProcessors: 8 });
    expect(snap.processes.map((p) => p.pid)).toEqual([100, 200]);
  });

  it('marks the console itself and system processes critical', () => {
    const source = new ScriptedSource([raw(0, 0, 0n, { name: 'System Idle Process' }), raw(600, 4, 1n, { name: 'CSRSS.EXE' }), raw(777, 4, 2n), raw(800, 4, 3n)]);
    const collector = new ProcessCollector(source, 1, new Set([777]), clock().read);
    expect(collector.tick(1).added.map((r) => [r.pid, r.critical])).toEqual([
      [0, true],
      [600, true],
      [777, true],
      [800, false],
    ]);
  });

  it("marks a row critical once its PID joins the console's own set, sending it again whole; never a process outside the set", () => {
    // Electron lists a new helper's PID a moment after it starts: the table may show it first.
    const source = new ScriptedSource([raw(777, 4, 1n, { name: 'electron.exe' }), raw(778, 777, 2n, { name: 'electron.exe' }), raw(779, 777, 3n, { name: 'build.exe' })]);
    const consolePids = new Set([777]);
    const c = clock();
    const collector = new ProcessCollector(source, 1, consolePids, c.read);
    expect(collector.tick(1).added.map((r) => [r.pid, r.critical])).toEqual([
      [777, true],
      [778, false],
      [779, false],
    ]);
    consolePids.add(778); // updated in place by its owner between ticks
    c.advanceSeconds(1);
    const delta = collector.tick(2);
    expect(ProcessDelta.parse(delta)).toBeTruthy();
    expect(delta.added.map((r) => [r.pid, r.createTime, r.critical])).toEqual([[778, '2', true]]);
    expect(delta.changed.some((ch) => ch[0] === 778)).toBe(false);
    expect(collector.find(778, '2')?.critical).toBe(true);
    expect(collector.find(779, '3')?.critical).toBe(false);
    // Sent once: the next tick carries the row as numbers again.
    c.advanceSeconds(1);
    expect(collector.tick(3).added).toEqual([]);
    expect(collector.snapshot().processes.find((r) => r.pid === 778)?.critical).toBe(true);
  });

  it('also marks processes the kernel flags critical (break on termination), whatever their name', () => {
    const source = new ScriptedSource([raw(900, 4, 1n, { name: 'innocent.exe' })]);
    source.criticalPids.add(900);
    expect(new ProcessCollector(source, 1, new Set(), clock().read).tick(1).added[0]!.critical).toBe(true);
  });

  it('carries the Windows 10 extension (disk counters, job id) and sends its changes as numbers', () => {
    const source = new ScriptedSource([raw(100, 4, 5n, { extension: { diskReadBytes: 10, diskWriteBytes: 20, jobObjectId: 0 } }), raw(200, 4, 6n)]);
    const collector = new ProcessCollector(source, 1, new Set(), clock().read);
    const rows = collector.tick(1).added;
    expect(rows.map((r) => [r.diskReadBytes, r.diskWriteBytes, r.jobObjectId])).toEqual([
      [10, 20, 0],
      [null, null, null],
    ]);
    source.current[0] = raw(100, 4, 5n, { extension: { diskReadBytes: 10, diskWriteBytes: 20, jobObjectId: 7 } });
    const bit = 1 << PROCESS_NUMBER_FIELDS.indexOf('jobObjectId');
    // The test clock stands still, so CPU % stays null and only the job id changed.
    expect(collector.tick(2).changed.find((c) => c[0] === 100)).toEqual([100, bit, 7]);
  });

  it('converts creation time to a display start time', () => {
    // 2024-01-01T00:00:00Z as FILETIME.
    const ft = 133_485_408_000_000_000n;
    const source = new ScriptedSource([raw(100, 4, ft)]);
    const row = new ProcessCollector(source, 1, new Set(), clock().read).tick(1).added[0]!;
    expect(new Date(row.startTime).toISOString()).toBe('2024-01-01T00:00:00.000Z');
  });
});

describe('ProcessCollector detail reads', () => {
  it('reads every process on the first tick, then at most the budget per tick; the rest appear on later ticks', () => {
    const source = new ScriptedSource(Array.from({ length: 3 }, (_, i) => raw(100 + i, 4, BigInt(i + 1))));
    let now = 0n;
    // Each details read costs 4 ms of the collector's clock.
    source.onDetails = () => (now += 40_000n);
    const collector = new ProcessCollector(source, 1, new Set(), () => now);
    expect(collector.tick(1).added).toHaveLength(3);
    // A burst of 10 new processes later on.
    for (let i = 0; i < 10; i++) source.current.push(raw(200 + i, 4, BigInt(100 + i)));
    // Reads start at 0, 4, 8 ms: each begins within the 10 ms budget.
    const perTick = Math.floor(DETAILS_BUDGET_MS / 4) + 1;
    const burst = collector.tick(2);
    expect(burst.added).toHaveLength(perTick);
    const shown = new Set(burst.added.map((r) => r.pid));
    while (shown.size < 10) {
      const delta = collector.tick(3);
      expect(delta.added.length).toBeGreaterThan(0);
      expect(delta.added.length).toBeLessThanOrEqual(perTick);
      expect(delta.removed).toEqual([]);
      for (const r of delta.added) shown.add(r.pid);
    }
    expect(source.detailCalls).toHaveLength(13);
  });

  it('reads a process that is still starting again on later ticks, and shows it once complete', () => {
    const source = new ScriptedSource([raw(100, 4, 5n)]);
    source.startingFor.set('100:5', 2);
    const collector = new ProcessCollector(source, 1, new Set(), () => 0n);
    expect(collector.tick(1).added).toEqual([]);
    expect(collector.tick(2).added).toEqual([]);
    const third = collector.tick(3).added;
    expect(third.map((r) => r.commandLine)).toEqual(['p100.exe --flag "a b"']);
    expect(source.detailCalls).toEqual(['100:5', '100:5', '100:5']);
  });

  it('shows a process that never finishes starting after a bounded number of reads', () => {
    const source = new ScriptedSource([raw(100, 4, 5n)]);
    source.startingFor.set('100:5', 1000);
    const collector = new ProcessCollector(source, 1, new Set(), () => 0n);
    let row;
    for (let t = 1; t <= MAX_INCOMPLETE_READS && !row; t++) row = collector.tick(t).added[0];
    expect(row).toMatchObject({ pid: 100, commandLine: null, detailsError: expect.stringContaining('still starting') });
    expect(source.detailCalls).toHaveLength(MAX_INCOMPLETE_READS);
  });

  it('forgets a pending process that exits before it was shown (never reported as removed)', () => {
    const source = new ScriptedSource([raw(100, 4, 5n)]);
    source.startingFor.set('100:5', 1);
    const collector = new ProcessCollector(source, 1, new Set(), () => 0n);
    collector.tick(1);
    source.current = [];
    expect(collector.tick(2)).toMatchObject({ added: [], removed: [] });
  });
});

describe('ProcessCollector: suspended threads', () => {
  it('rides the delta like any number: a process suspended and resumed changes suspendedThreads, nothing else', () => {
    const source = new ScriptedSource([raw(100, 4, 5n, { threadCount: 2 }), raw(300, 4, 6n)]);
    const c = clock();
    const collector = new ProcessCollector(source, 1, new Set([300]), c.read);
    expect(ProcessDelta.parse(collector.tick(1000)).added.map((r) => [r.pid, r.suspendedThreads])).toEqual([
      [100, 0],
      [300, 0],
    ]);
    const bit = 1 << PROCESS_NUMBER_FIELDS.indexOf('suspendedThreads');
    source.current[0] = raw(100, 4, 5n, { threadCount: 2, suspendedThreads: 2 });
    c.advanceSeconds(1);
    // The first CPU reading arrives on this tick too (null -> 0).
    expect(ProcessDelta.parse(collector.tick(2000)).changed).toContainEqual([100, bit | (1 << PROCESS_NUMBER_FIELDS.indexOf('cpuPercent')), 0, 2]);
    source.current[0] = raw(100, 4, 5n, { threadCount: 2 });
    c.advanceSeconds(1);
    expect(ProcessDelta.parse(collector.tick(3000)).changed).toEqual([[100, bit, 0]]);
  });

  it('is null with the reason where no thread state is reported (Wine)', () => {
    const source = new ScriptedSource([raw(100, 4, 5n, { threadStateSeen: false }), raw(300, 4, 6n, { threadStateSeen: false })]);
    const collector = new ProcessCollector(source, 1, new Set([300]), clock().read, { underWine: true });
    const delta = ProcessDelta.parse(collector.tick(1000));
    expect(delta.added.map((r) => r.suspendedThreads)).toEqual([null, null]);
    expect(delta.unreported?.suspendedThreads).toBe('Wine does not report thread states (so whether a process is suspended)');
  });
});

describe('ProcessCollector: hung windows', () => {
  it('lists windows once per tick and sends a window turning hung, and back, as one changed number', () => {
    const source = new ScriptedSource([raw(100, 4, 5n), raw(300, 4, 6n)]);
    const c = clock();
    const collector = new ProcessCollector(source, 1, new Set([300]), c.read);
    expect(ProcessDelta.parse(collector.tick(1000)).added.map((r) => [r.pid, r.hungWindows])).toEqual([
      [100, 0],
      [300, 0],
    ]);
    expect(source.windowListings).toBe(1);
    const bit = 1 << PROCESS_NUMBER_FIELDS.indexOf('hungWindows');
    collector.tick(2000); // the first CPU readings
    source.windows = { ok: true, hungWindows: new Map([[100, 1]]) };
    expect(ProcessDelta.parse(collector.tick(3000)).changed).toEqual([[100, bit, 1]]);
    source.windows = { ok: true, hungWindows: new Map() };
    expect(ProcessDelta.parse(collector.tick(4000)).changed).toEqual([[100, bit, 0]]);
    expect(source.windowListings).toBe(4);
  });

  it('is null in every row with the reason when the windows could not be listed, and known again after', () => {
    const source = new ScriptedSource([raw(100, 4, 5n), raw(300, 4, 6n)]);
    const collector = new ProcessCollector(source, 1, new Set([300]), clock().read);
    const reason = 'Whether a process is not responding (listing its windows): error 1400 (Invalid window handle.)';
    source.windows = { ok: false, reason };
    const delta = ProcessDelta.parse(collector.tick(1000));
    expect(delta.added.map((r) => r.hungWindows)).toEqual([null, null]);
    expect(delta.unreported?.hungWindows).toBe(reason);
    source.windows = { ok: true, hungWindows: new Map([[300, 2]]) };
    const next = ProcessDelta.parse(collector.tick(2000));
    expect(next.unreported?.hungWindows).toBeUndefined();
    expect(next.unreported).toBeDefined(); // the map changed: sent whole, without the reason
    expect(collector.find(300, '6')?.hungWindows).toBe(2);
    expect(collector.find(100, '5')?.hungWindows).toBe(0);
  });
});

describe('ProcessCollector: unknown is not zero', () => {
  const wineLike = (pid: number, extra: Parameters<typeof raw>[3] = {}) => raw(pid, 1, BigInt(pid), { privateBytes: 0, basePriority: 2, workingSetBytes: 1 << 24, ...extra });

  it('sends what the system does not report as null with the reason, never as 0 (rows, snapshot, first delta)', () => {
    const source = new ScriptedSource([wineLike(32), wineLike(300)]);
    const collector = new ProcessCollector(source, 1, new Set([300]), clock().read, { underWine: true });
    const delta = ProcessDelta.parse(collector.tick(1000));
    expect(delta.added[0]).toMatchObject({ privateBytes: null, basePriority: null, ioReadBytes: null, ioWriteBytes: null, ioOtherBytes: null, diskReadBytes: null, jobObjectId: null });
    expect(delta.added[0]).toMatchObject({ workingSetBytes: 1 << 24, pagefileBytes: 500 });
    expect(delta.unreported).toMatchObject({ privateBytes: 'Wine does not report private bytes', ioReadBytes: 'Wine does not report I/O read bytes', basePriority: 'Wine does not report base priority' });
    const snap = ProcessSnapshot.parse(collector.snapshot());
    expect(snap.unreported.privateBytes).toBe('Wine does not report private bytes');
    expect(snap.processes.every((p) => p.privateBytes === null && p.ioOtherBytes === null)).toBe(true);
  });

  it('a delta carries `unreported` only when it changed, and a field that becomes reported arrives as a number', () => {
    const source = new ScriptedSource([wineLike(32), wineLike(300)]);
    const c = clock();
    const collector = new ProcessCollector(source, 1, new Set([300]), c.read, { underWine: true });
    collector.tick(1000);
    c.advanceSeconds(1);
    expect(collector.tick(2000).unreported).toBeUndefined();
    source.current[1] = wineLike(300, { privateBytes: 8192 });
    c.advanceSeconds(1);
    const delta = ProcessDelta.parse(collector.tick(3000));
    expect(delta.unreported).toBeDefined();
    expect(delta.unreported?.privateBytes).toBeUndefined();
    const privateBit = 1 << PROCESS_NUMBER_FIELDS.indexOf('privateBytes');
    // Both rows change from null: PID 32 to a real 0 (the field is reported now), PID 300 to its value.
    expect(delta.changed).toContainEqual([32, privateBit, 0]);
    const console300 = delta.changed.find((e) => e[0] === 300) ?? [];
    expect((console300[1] ?? 0) & privateBit).toBe(privateBit);
    expect(console300).toContain(8192);
  });
});
