/** Hosted-service statuses for unit tests: every field filled, overridable. Test data only, never shown by the app. */
import type { HostedStatusValue } from '../../../src-preload/contract/hosted-schemas';

/** A running hosted program with one restart behind it. */
export function testHostedStatus(over: Partial<HostedStatusValue> = {}): HostedStatusValue {
  return {
    type: 'status',
    version: 1,
    service: 'NodeApi',
    hostPid: 4000,
    state: 'running',
    programPid: 4010,
    pids: [4010, 4012],
    restarts: 1,
    restartsInWindow: 1,
    nextRestartAt: null,
    lastExits: [{ pid: 4002, code: 3, at: '2026-12-02T21:00:00.000Z' }],
    readiness: { kind: 'tcp', ok: true, at: '2026-12-02T21:00:02.000Z', detail: 'connected to 127.0.0.1:8080' },
    liveness: null,
    job: { activeProcesses: 2, totalProcesses: 3, userTimeMs: 120, kernelTimeMs: 30, peakProcessMemoryBytes: null, peakJobMemoryBytes: null },
    limitHits: [],
    events: [
      { at: '2026-12-02T21:00:00.000Z', kind: 'exited', detail: 'PID 4002 exited with code 3' },
      { at: '2026-12-02T21:00:00.001Z', kind: 'restarting', detail: 'in 1.0 s (restart 1 of 5 in 600 s)' },
      { at: '2026-12-02T21:00:01.000Z', kind: 'started', detail: 'PID 4010' },
    ],
    logFolder: 'C:\\ProgramData\\Admin Console\\services\\NodeApi',
    ...over,
  };
}
