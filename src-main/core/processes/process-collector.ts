import type { UnreportableProcessField } from '../../../src-preload/contract/process-fields';
import type { ProcessDeltaValue, ProcessKeyValue, ProcessRowValue, ProcessSnapshotValue } from '../../../src-preload/contract/schemas';
import { sameReasons, type UnknownReasons } from '../../../src-preload/contract/unknown';
import { isCriticalProcess } from './critical-processes';
import { fileTimeToUnixMs, hundredNsToMs } from './filetime';
import { encodeChangedNumbers } from './process-delta';
import type { ProcessDetails, ProcessSource, RawProcess } from './process-source';
import { unreportedProcessFields } from './unreported-fields';

/** Monotonic clock in 100-ns units (the unit of process CPU times). */
export type MonotonicClock = () => bigint;
const hrtime100ns: MonotonicClock = () => process.hrtime.bigint() / 100n;

interface Tracked {
  row: ProcessRowValue;
  raw: RawProcess;
}

/** A PID names at most one process per snapshot; with its creation time it names exactly one, ever. */
const sameProcess = (a: RawProcess, b: RawProcess) => a.createTime === b.createTime;

/**
 * Detail reads (open the process, image path, PEB command line, token user, job) cost ~0.05-0.2 ms each on
 * Windows and ~1 ms under Wine, synchronously on the main process's thread. A tick spends at most this long
 * on them, so a burst of new processes (a parallel build) stays near the 5 ms event-loop target; processes
 * not read yet wait for the next tick. Steady state reads none. The very first tick, at start-up while the
 * window loads, reads every process, so the table opens complete.
 */
export const DETAILS_BUDGET_MS = 10;
/** A process still starting is read again on later ticks, this many times at most, then shown as read. */
export const MAX_INCOMPLETE_READS = 5;

/**
 * CPU % of one process between two snapshots: CPU time used over wall time times logical processors
 * (Task Manager's scale: 100 % is every processor busy). Null without a previous reading or when the
 * counter went backwards.
 */
export function processCpuPercent(previousCpu: bigint | undefined, currentCpu: bigint, elapsed100ns: bigint, logicalProcessors: number): number | null {
  if (previousCpu === undefined || elapsed100ns <= 0n) return null;
  const used = currentCpu - previousCpu;
  if (used < 0n) return null;
  const percent = Number((used * 1_000_000n) / (elapsed100ns * BigInt(logicalProcessors))) / 10_000;
  return Math.min(100, Math.round(percent * 100) / 100);
}

function totalsOf(raws: readonly RawProcess[]): { processes: number; threads: number; handles: number } {
  let threads = 0;
  let handles = 0;
  for (const raw of raws) {
    threads += raw.threadCount;
    handles += raw.handleCount;
  }
  return { processes: raws.length, threads, handles };
}

/**
 * True when one of `added` is a child of the console's own processes but not one of them: a helper Electron
 * has just started and not listed yet, or a program the admin ran (the owner of the set tells them apart).
 */
export function hasUnknownConsoleChild(added: readonly Pick<ProcessRowValue, 'pid' | 'parentPid'>[], consolePids: ReadonlySet<number>): boolean {
  return added.some((row) => consolePids.has(row.parentPid) && !consolePids.has(row.pid));
}

/**
 * The process table in main: one snapshot per tick turned into rows keyed by (PID, creation time), CPU %
 * from deltas, and the strings (path, command line, user, job) read once per process lifetime. Each tick
 * yields a delta (added rows, removed keys, changed numbers) against the previous seq.
 */
export class ProcessCollector {
  // Keyed by PID, checked by creation time: no per-process string keys built on every tick.
  private tracked = new Map<number, Tracked>();
  /** Seen but not yet shown: details not read (budget) or incomplete (still starting). Counted attempts. */
  private pending = new Map<number, { createTime: bigint; attempts: number }>();
  private seq = 0;
  private time = 0;
  private lastSnapshotAt: bigint | undefined;
  /** The fields this system does not report, as of the last tick (null in every row). */
  private unreported: UnknownReasons<UnreportableProcessField> = {};
  private lastTotals: { processes: number; threads: number; handles: number } | undefined;
  /** This tick's hung windows per PID (absent: none). */
  private hungWindows: ReadonlyMap<number, number> = EMPTY_HUNG;
  /** The console's own PIDs as of the last tick: the set is kept current by its owner (Electron's helpers come and go). */
  private knownConsolePids: ReadonlySet<number> = new Set();

  constructor(
    private readonly source: ProcessSource,
    private readonly logicalProcessors: number,
    /** This console's own processes (critical: killing them kills the console; certainly did I/O). */
    private readonly consolePids: ReadonlySet<number>,
    private readonly clock: MonotonicClock = hrtime100ns,
    /** For the wording of what is not reported ("Wine does not report ..."). */
    private readonly platform: { underWine: boolean } = { underWine: false },
  ) {}

  /** Takes one snapshot and returns what changed since the previous tick. */
  tick(wallTime: number): ProcessDeltaValue {
    const raws = this.source.snapshot();
    this.lastTotals = totalsOf(raws);
    const now = this.clock();
    const elapsed = this.lastSnapshotAt === undefined ? 0n : now - this.lastSnapshotAt;
    this.lastSnapshotAt = now;
    const unreported = unreportedProcessFields(raws, { consolePids: this.consolePids, underWine: this.platform.underWine });
    // One window listing per tick, right after the snapshot (see hung-windows.ts for why it cannot block).
    const windows = this.source.hungWindows();
    if (!windows.ok) unreported.hungWindows = windows.reason;
    this.hungWindows = windows.ok ? windows.hungWindows : EMPTY_HUNG;
    const unreportedChanged = !sameReasons(unreported, this.unreported);
    this.unreported = unreported;

    const next = new Map<number, Tracked>();
    const pending = new Map<number, { createTime: bigint; attempts: number }>();
    const added: ProcessRowValue[] = [];
    const changed: (number | null)[][] = [];
    const nowConsole = this.consoleJoined();
    const budgetEnd = this.seq === 0 ? undefined : now + BigInt(DETAILS_BUDGET_MS) * 10_000n;
    for (const raw of raws) {
      if (next.has(raw.pid) || pending.has(raw.pid)) continue; // a snapshot never repeats a PID; be robust if a buggy one does
      const tracked = this.tracked.get(raw.pid);
      const previous = tracked && sameProcess(tracked.raw, raw) ? tracked : undefined;
      if (!previous) {
        const waiting = this.pending.get(raw.pid);
        const attempts = waiting && waiting.createTime === raw.createTime ? waiting.attempts : 0;
        if (budgetEnd !== undefined && this.clock() > budgetEnd) {
          pending.set(raw.pid, { createTime: raw.createTime, attempts });
          continue;
        }
        const details = this.source.details(raw.pid, raw.createTime);
        if (details.incomplete && attempts + 1 < MAX_INCOMPLETE_READS) {
          pending.set(raw.pid, { createTime: raw.createTime, attempts: attempts + 1 });
          continue;
        }
        // First sighting in the table: no CPU % until the next tick gives a second reading.
        const row = this.newRow(raw, null, details);
        next.set(raw.pid, { row, raw });
        added.push(row);
        continue;
      }
      const cpu = processCpuPercent(previous.raw.userTime + previous.raw.kernelTime, raw.userTime + raw.kernelTime, elapsed, this.logicalProcessors);
      const row: ProcessRowValue = { ...previous.row, ...numbersOf(raw, cpu, unreported, this.hungWindows) };
      if (nowConsole?.has(raw.pid) && !row.critical) {
        // Shown before Electron listed it as one of its own (a helper's PID is known a moment after it starts):
        // the row is sent again whole, now critical, and the renderer replaces its copy in place.
        row.critical = true;
        added.push(row);
      } else {
        const encoded = encodeChangedNumbers(previous.row, row);
        if (encoded) changed.push(encoded);
      }
      next.set(raw.pid, { row, raw });
    }
    // Gone, or its PID now names a newer process (then it is removed here and the newcomer added above).
    const removed: ProcessKeyValue[] = [];
    for (const [pid, t] of this.tracked) {
      const current = next.get(pid);
      if (!current || !sameProcess(current.raw, t.raw)) removed.push({ pid, createTime: t.row.createTime });
    }

    this.tracked = next;
    this.pending = pending;
    this.time = wallTime;
    this.seq += 1;
    const delta: ProcessDeltaValue = { seq: this.seq, baseSeq: this.seq - 1, time: wallTime, added, removed, changed };
    if (unreportedChanged) delta.unreported = { ...unreported };
    return delta;
  }

  /** PIDs that became the console's own since the last tick, or undefined when none did (the usual case). */
  private consoleJoined(): Set<number> | undefined {
    let joined: Set<number> | undefined;
    for (const pid of this.consolePids) {
      if (!this.knownConsolePids.has(pid)) (joined ??= new Set()).add(pid);
    }
    if (joined || this.knownConsolePids.size !== this.consolePids.size) this.knownConsolePids = new Set(this.consolePids);
    return joined;
  }

  /** The full table at the current seq (subscribe and resync). */
  snapshot(): ProcessSnapshotValue {
    return { seq: this.seq, time: this.time, logicalProcessors: this.logicalProcessors, processes: [...this.tracked.values()].map((t) => t.row), unreported: { ...this.unreported } };
  }

  /**
   * Process, thread and handle totals over the last tick's whole snapshot (every process, the ones whose
   * details are still pending included): the Performance view's counts, from the same call.
   */
  totals(): { processes: number; threads: number; handles: number } | undefined {
    return this.lastTotals && { ...this.lastTotals };
  }

  /** The wall time of the last tick (0 before the first). */
  snapshotTime(): number {
    return this.time;
  }

  /** The row holding `pid` as of the last tick (a job's member list names PIDs only). */
  findByPid(pid: number): ProcessRowValue | undefined {
    return this.tracked.get(pid)?.row;
  }

  /**
   * True when a process must not be ended or put into a job without the admin's say: its row says critical
   * (as of the last tick), or it is one of the console's own now (the set its owner keeps current: a helper
   * Electron listed after the last tick is already in it, though its row does not say critical yet).
   */
  isCritical(row: Pick<ProcessRowValue, 'pid' | 'critical'>): boolean {
    return row.critical || this.consolePids.has(row.pid);
  }

  /** The row for (pid, createTime) as of the last tick. */
  find(pid: number, createTime: string): ProcessRowValue | undefined {
    const tracked = this.tracked.get(pid);
    return tracked && tracked.row.createTime === createTime ? tracked.row : undefined;
  }

  private newRow(raw: RawProcess, cpu: number | null, details: ProcessDetails): ProcessRowValue {
    return {
      pid: raw.pid,
      parentPid: raw.parentPid,
      createTime: raw.createTime.toString(),
      startTime: fileTimeToUnixMs(raw.createTime),
      name: raw.name,
      sessionId: raw.sessionId,
      ...numbersOf(raw, cpu, this.unreported, this.hungWindows),
      imagePath: details.imagePath,
      commandLine: details.commandLine,
      user: details.user,
      inJob: details.inJob,
      detailsError: details.error ?? (details.incomplete ? 'The process was still starting: its command line was not written yet.' : null),
      critical: details.breakOnTermination === true || isCriticalProcess(raw.pid, raw.name, this.consolePids),
    };
  }
}

const EMPTY_HUNG: ReadonlyMap<number, number> = new Map();

/** The row's numbers: a field this system does not report is null, never its 0 (unknown.ts). */
function numbersOf(raw: RawProcess, cpuPercent: number | null, unreported: UnknownReasons<UnreportableProcessField>, hungWindows: ReadonlyMap<number, number>) {
  const known = (field: UnreportableProcessField, value: number | undefined): number | null => (unreported[field] !== undefined || value === undefined ? null : value);
  return {
    cpuPercent,
    workingSetBytes: raw.workingSetBytes,
    privateBytes: known('privateBytes', raw.privateBytes),
    pagefileBytes: raw.pagefileBytes,
    threadCount: raw.threadCount,
    handleCount: raw.handleCount,
    userTimeMs: hundredNsToMs(raw.userTime),
    kernelTimeMs: hundredNsToMs(raw.kernelTime),
    basePriority: known('basePriority', raw.basePriority),
    ioReadBytes: known('ioReadBytes', raw.ioReadBytes),
    ioWriteBytes: known('ioWriteBytes', raw.ioWriteBytes),
    ioOtherBytes: known('ioOtherBytes', raw.ioOtherBytes),
    diskReadBytes: known('diskReadBytes', raw.extension?.diskReadBytes),
    diskWriteBytes: known('diskWriteBytes', raw.extension?.diskWriteBytes),
    jobObjectId: known('jobObjectId', raw.extension?.jobObjectId),
    suspendedThreads: known('suspendedThreads', raw.suspendedThreads),
    hungWindows: known('hungWindows', hungWindows.get(raw.pid) ?? 0),
  };
}
