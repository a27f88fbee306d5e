/** Process rows for unit tests: every field filled, overridable. Test data only, never shown by the app. */
import type { ProcessDeltaValue, ProcessRowValue, ProcessSnapshotValue } from '../../src-preload/contract/schemas';

/** A row with plausible values; `createTime` defaults to a FILETIME that grows with the PID. */
export function testRow(pid: number, over: Partial<ProcessRowValue> = {}): ProcessRowValue {
  return {
    pid,
    parentPid: 0,
    createTime: String(133_000_000_000_000_000n + BigInt(pid) * 10_000n),
    startTime: 1_700_000_000_000 + pid,
    name: `proc${pid}.exe`,
    sessionId: 1,
    cpuPercent: null,
    workingSetBytes: 1024 * pid,
    privateBytes: 2048 * pid,
    pagefileBytes: 2048 * pid,
    threadCount: 1,
    handleCount: 10,
    userTimeMs: 0,
    kernelTimeMs: 0,
    basePriority: 8,
    ioReadBytes: 0,
    ioWriteBytes: 0,
    ioOtherBytes: 0,
    diskReadBytes: null,
    diskWriteBytes: null,
    jobObjectId: null,
    suspendedThreads: 0,
    hungWindows: 0,
    imagePath: `C:\\Program Files\\App\\proc${pid}.exe`,
    commandLine: `"C:\\Program Files\\App\\proc${pid}.exe" --id ${pid}`,
    user: 'ADMIN-PC\\admin',
    inJob: false,
    detailsError: null,
    critical: false,
    ...over,
  };
}

/** A snapshot of these rows. */
export function testSnapshot(seq: number, processes: ProcessRowValue[], time = 1_700_000_000_000 + seq * 1000, unreported: ProcessSnapshotValue['unreported'] = {}): ProcessSnapshotValue {
  return { seq, time, logicalProcessors: 8, processes, unreported };
}

/** A delta from `seq - 1` to `seq` (override baseSeq to make a gap). */
export function testDelta(seq: number, over: Partial<ProcessDeltaValue> = {}): ProcessDeltaValue {
  return { seq, baseSeq: seq - 1, time: 1_700_000_000_000 + seq * 1000, added: [], removed: [], changed: [], ...over };
}
