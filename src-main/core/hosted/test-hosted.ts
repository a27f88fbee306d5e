/** Test data for the hosted-service unit tests. */
import { newHostedDefinition } from '../../../src-preload/contract/hosted-defaults';
import { HostedDefinition, type HostedDefinitionValue, type HostedStatusValue } from '../../../src-preload/contract/hosted-schemas';

/** A definition that sets every value to something other than its default. */
export function fullDefinition(): HostedDefinitionValue {
  const def = newHostedDefinition('web', 'C:\\apps\\web\\server.exe');
  return HostedDefinition.parse({
    ...def,
    arguments: ['--port', '8080', 'two words'],
    workingFolder: 'C:\\apps\\web',
    environment: [
      { name: 'NODE_ENV', value: 'production' },
      { name: 'EMPTY', value: '' },
      { name: 'WITH_EQUALS', value: 'a=b' },
    ],
    stop: { methods: ['ctrlC', 'closeWindows'], budgetMs: 20_000 },
    restart: { baseMs: 500, factorPercent: 150, capMs: 30_000, jitterPercent: 10, maxCount: 7, windowSec: 900, resetSec: 120, exitCodesNoRestart: [0, 2], exitCodesStopService: [3, 4294967295] },
    readiness: { probe: { kind: 'http', port: 8080, path: '/healthz', expectStatus: 204 }, timeoutSec: 30 },
    liveness: { probe: { kind: 'heartbeat', file: 'C:\\apps\\web\\beat', maxAgeSec: 45 }, intervalSec: 5, failuresToRestart: 2 },
    probeTimeoutMs: 1500,
    log: { maxFileBytes: 1_048_576, maxFiles: 3, totalCapBytes: 3_145_728, split: true },
    job: {
      template: 'Small sandbox',
      limits: { ...def.job.limits, processMemoryBytes: 512 * 1024 * 1024, jobMemoryBytes: 6 * 1024 ** 3, activeProcesses: 20, cpuRate: { kind: 'hardCap', percent: 50 }, affinity: [0, 2, 63], priorityClass: 'belowNormal', breakawayOk: true },
    },
  });
}


/** A status line exactly as CONTRACT.md shows it. */
export function contractStatus(over: Partial<HostedStatusValue> = {}): HostedStatusValue {
  return {
    type: 'status',
    version: 1,
    service: 'web',
    hostPid: 1234,
    state: 'running',
    programPid: 5678,
    pids: [5678, 5690],
    restarts: 2,
    restartsInWindow: 2,
    nextRestartAt: null,
    lastExits: [{ pid: 5678, code: 3, at: '2026-12-02T21:03:00.000Z' }],
    readiness: { kind: 'tcp', ok: true, at: '2026-12-02T21:03:01.000Z', detail: 'connected to 127.0.0.1:8080' },
    liveness: { kind: 'http', ok: false, at: '2026-12-02T21:03:02.000Z', detail: 'HTTP 503', consecutiveFailures: 1 },
    job: { activeProcesses: 2, totalProcesses: 5, userTimeMs: 1234, kernelTimeMs: 56, peakProcessMemoryBytes: null, peakJobMemoryBytes: null },
    limitHits: [{ limit: 'memory', at: '2026-12-02T21:03:03.000Z' }],
    events: [{ at: '2026-12-02T21:03:04.000Z', kind: 'restarting', detail: 'in 2.1 s (restart 2 of 5 in 600 s)' }],
    logFolder: 'C:\\ProgramData\\Admin Console\\services\\web',
    ...over,
  };
}

