// Test doubles for the process ports (unit tests only).
import { AppError } from '../app-error';
import type { ActionOutcome, ModuleInfo, PriorityClass, PriorityReading, ProcessAction, ProcessControl, ProcessDetails, ProcessSource, ProcessTarget, RawProcess, WindowReading } from './process-source';

export function raw(pid: number, parentPid: number, createTime: bigint, extra: Partial<RawProcess> = {}): RawProcess {
  return {
    pid,
    parentPid,
    name: `p${pid}.exe`,
    createTime,
    sessionId: 1,
    basePriority: 8,
    threadCount: 1,
    suspendedThreads: 0,
    threadStateSeen: true,
    handleCount: 10,
    workingSetBytes: 1000,
    privateBytes: 500,
    pagefileBytes: 500,
    userTime: 0n,
    kernelTime: 0n,
    ioReadBytes: 0,
    ioWriteBytes: 0,
    ioOtherBytes: 0,
    ...extra,
  };
}

/** A source whose snapshots the test scripts, counting calls. */
export class ScriptedSource implements ProcessSource {
  snapshots = 0;
  detailCalls: string[] = [];
  /** Keys whose details report `incomplete` this many more times. */
  startingFor = new Map<string, number>();
  /** PIDs the kernel marks critical (ProcessBreakOnTermination). */
  criticalPids = new Set<number>();
  /** Simulated cost of one details read, in the collector's clock units. */
  detailsCost = 0n;
  onDetails: () => void = () => {};
  constructor(public current: RawProcess[] = []) {}
  snapshot(): RawProcess[] {
    this.snapshots++;
    return this.current.map((p) => ({ ...p }));
  }
  details(pid: number, createTime: bigint): ProcessDetails {
    const key = `${pid}:${createTime}`;
    this.detailCalls.push(key);
    this.onDetails();
    const starting = this.startingFor.get(key) ?? 0;
    if (starting > 0) {
      this.startingFor.set(key, starting - 1);
      return { imagePath: `C:\\bin\\p${pid}.exe`, commandLine: null, user: 'HOST\\admin', inJob: false, breakOnTermination: false, error: null, incomplete: true };
    }
    return { imagePath: `C:\\bin\\p${pid}.exe`, commandLine: `p${pid}.exe --flag "a b"`, user: 'HOST\\admin', inJob: false, breakOnTermination: this.criticalPids.has(pid), error: null, incomplete: false };
  }
  modules(): ModuleInfo[] {
    return [{ name: 'ntdll.dll', path: 'C:\\Windows\\System32\\ntdll.dll', baseAddress: 0x7ffe0000n, sizeBytes: 4096 }];
  }
  /** Priority classes by PID; a PID not listed reads as NOT_FOUND. */
  priorities = new Map<number, PriorityClass>();
  priorityClasses(targets: readonly ProcessTarget[]): PriorityReading[] {
    return targets.map((t) => {
      const priorityClass = this.priorities.get(t.pid);
      return priorityClass ? { ok: true, priorityClass } : { ok: false, error: new AppError('NOT_FOUND', `process ${t.pid} has exited`) };
    });
  }
  /** What the window listing answers (no hung windows unless the test says so), counting calls. */
  windows: WindowReading = { ok: true, hungWindows: new Map() };
  windowListings = 0;
  hungWindows(): WindowReading {
    this.windowListings++;
    return this.windows;
  }
}

/** A control that records what it was asked and answers ok (or what the test says). */
export class RecordingControl implements ProcessControl {
  calls: { targets: ProcessTarget[]; action: ProcessAction }[] = [];
  answer: (target: ProcessTarget) => ActionOutcome = () => ({ ok: true });
  act(targets: readonly ProcessTarget[], action: ProcessAction): ActionOutcome[] {
    this.calls.push({ targets: [...targets], action });
    return targets.map((t) => this.answer(t));
  }
}
