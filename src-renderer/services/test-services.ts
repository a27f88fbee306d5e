/** Service rows, snapshots and deltas for unit tests: every field filled, overridable. Test data only, never shown by the app. */
import type {
  ServiceDefinitionValue,
  ServiceDeltaValue,
  ServiceRowValue,
  ServiceSnapshotValue,
  TimelineEntryValue,
} from '../../src-preload/contract/service-schemas';

/** A running own-process service with its configuration read. */
export function testService(name: string, over: Partial<ServiceRowValue> = {}): ServiceRowValue {
  return {
    name,
    displayName: `${name} display`,
    kind: 'ownProcess',
    typeBits: 0x10,
    state: 'running',
    canStop: true,
    canPauseContinue: false,
    pid: 1234,
    win32ExitCode: 0,
    serviceSpecificExitCode: 0,
    checkPoint: 0,
    waitHint: 0,
    startType: 'automatic',
    delayedAutoStart: false,
    triggered: false,
    errorControl: 'normal',
    account: 'LocalSystem',
    binaryPath: `"C:\\Program Files\\${name}\\${name}.exe" --service`,
    description: `The ${name} service.`,
    loadOrderGroup: '',
    dependencies: [],
    dependents: [],
    recovery: null,
    recoveryOnNonCrashFailures: false,
    configError: null,
    notReported: [],
    unquotedPath: false,
    hosted: false,
    ...over,
  };
}

/** A timeline entry. */
export function testEntry(id: number, service: string, over: Partial<TimelineEntryValue> = {}): TimelineEntryValue {
  return { id, time: 1_700_000_000_000 + id * 1000, service, kind: 'started', text: `Started ${service}.`, byAdmin: false, ...over };
}

/** A snapshot of these services. */
export function testServiceSnapshot(seq: number, services: ServiceRowValue[], timeline: TimelineEntryValue[] = []): ServiceSnapshotValue {
  return { seq, time: 1_700_000_000_000 + seq * 2000, pollIntervalMs: 2000, services, timeline };
}

/** A delta from `seq - 1` to `seq` (override baseSeq to make a gap). */
export function testServiceDelta(seq: number, over: Partial<ServiceDeltaValue> = {}): ServiceDeltaValue {
  return { seq, baseSeq: seq - 1, time: 1_700_000_000_000 + seq * 2000, upserted: [], removed: [], timeline: [], ...over };
}

/** A complete definition, as services:getDefinition answers. */
export function testDefinition(over: Partial<ServiceDefinitionValue> = {}): ServiceDefinitionValue {
  return {
    name: 'AdminTestSvc',
    displayName: 'Admin test service',
    program: 'C:\\Program Files\\Admin Test\\test-service.exe',
    arguments: ['--slow-start', '3000'],
    startup: 'manual',
    errorControl: 'normal',
    account: { kind: 'localSystem' },
    dependencies: [],
    description: 'The console test service.',
    recovery: { actions: [], resetPeriodSeconds: null, command: '', rebootMessage: '', onNonCrashFailures: false },
    ...over,
  };
}
