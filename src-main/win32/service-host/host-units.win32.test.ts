// The service host's SCM-free modules (native/service-host/ config.c, restart.c, stop.c, status.c and
// launch.c's quoting), run through native/service-host-check/ (built from the same sources): every
// Parameters value of CONTRACT.md with its default, range and type; the backoff formula; the stop
// schedule; the status line's JSON; CommandLineToArgvW quoting.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { quoteArgument } from '../processes/launch';
import { deleteKey, setValues, testHostedExe } from './test-hosted-services';
import type { ParameterValue } from './test-hosted-services';

const checkExe = () => path.win32.join(path.win32.dirname(testHostedExe()), 'service-host-check.exe');

function check(...args: string[]): unknown[] {
  const r = spawnSync(checkExe(), args, { encoding: 'utf8', windowsHide: true });
  assert.equal(r.status, 0, `service-host-check ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as unknown);
}

const KEY_ROOT = `SOFTWARE\\AdminConsoleTest\\host-units-${process.pid}`;
let keys = 0;

interface ConfigAnswer {
  ok: boolean;
  code?: number;
  value?: string;
  reason?: string;
  config?: Record<string, unknown>;
}

/** config_read_key on a fresh key holding `values`. */
function readConfig(values: Readonly<Record<string, ParameterValue>>): ConfigAnswer {
  const key = `${KEY_ROOT}\\${++keys}`;
  setValues(key, values);
  return check('config', key)[0] as ConfigAnswer;
}

const PROGRAM = 'C:\\Program Files\\Worker\\worker.exe';
const MISSING = 0x2000_0001;
const INVALID = 0x2000_0002;

describe('service host modules', () => {
  after(() => deleteKey(KEY_ROOT));

  test('the smallest configuration gets every default of CONTRACT.md', () => {
    const answer = readConfig({ SchemaVersion: 1, Program: PROGRAM });
    assert.equal(answer.ok, true, JSON.stringify(answer));
    assert.deepEqual(answer.config, {
      schemaVersion: 1,
      program: PROGRAM,
      script: false,
      arguments: [],
      workingDirectory: 'C:\\Program Files\\Worker',
      environment: [],
      stopMethods: 7,
      stopBudgetMs: 15000,
      restartBaseMs: 1000,
      restartFactorPercent: 200,
      restartCapMs: 60000,
      restartJitterPercent: 20,
      restartMaxCount: 5,
      restartWindowSec: 600,
      restartResetSec: 300,
      exitCodesNoRestart: [],
      exitCodesStopService: [],
      readiness: { kind: 'none', port: 0, httpPath: '/', httpStatus: 200, heartbeatFile: null, heartbeatMaxAgeSec: 30 },
      readinessTimeoutSec: 60,
      liveness: { kind: 'none', port: 0, httpPath: '/', httpStatus: 200, heartbeatFile: null, heartbeatMaxAgeSec: 30 },
      livenessIntervalSec: 10,
      livenessFailuresToRestart: 3,
      probeTimeoutMs: 2000,
      logMaxFileBytes: 10485760,
      logMaxFiles: 5,
      logTotalCapBytes: 10485760 * 5,
      logSplit: 0,
      jobAllowBreakaway: 0,
      jobProcessMemoryBytes: 0,
      jobMemoryBytes: 0,
      jobActiveProcesses: 0,
      jobCpuRatePercent: 0,
      jobAffinity: 0,
      jobPriorityClass: 0,
    });
  });

  test('every value is read: strings, lists, probes, exit codes (signed too), QWORDs, a priority class, a .bat', () => {
    const answer = readConfig({
      SchemaVersion: 1,
      Program: 'D:\\jobs\\run.BAT',
      Arguments: ['--port', '8080', 'with space'],
      WorkingDirectory: 'D:\\work',
      Environment: ['A=1', 'B=two=2'],
      StopMethods: 5,
      StopBudgetMs: 1000,
      RestartBaseMs: 100,
      RestartCapMs: 100,
      RestartMaxCount: 0,
      ExitCodesNoRestart: ['0', '4294967295'],
      ExitCodesStopService: ['-1073741819'],
      ReadinessKind: 'http',
      ReadinessPort: 8080,
      ReadinessHttpPath: '/health?x=1',
      ReadinessHttpStatus: 204,
      LivenessKind: 'heartbeat',
      LivenessHeartbeatFile: '\\\\server\\share\\beat',
      LivenessHeartbeatMaxAgeSec: 5,
      LogSplit: 1,
      LogMaxFileBytes: 65536,
      LogMaxFiles: 2,
      JobAllowBreakaway: 1,
      JobMemoryBytes: 1n << 33n,
      JobPriorityClass: 'below-normal',
    });
    assert.equal(answer.ok, true, JSON.stringify(answer));
    const c = answer.config!;
    assert.equal(c.script, true);
    assert.deepEqual(c.arguments, ['--port', '8080', 'with space']);
    assert.equal(c.workingDirectory, 'D:\\work');
    assert.deepEqual(c.environment, ['A=1', 'B=two=2']);
    assert.deepEqual([c.stopMethods, c.stopBudgetMs, c.restartBaseMs, c.restartCapMs, c.restartMaxCount], [5, 1000, 100, 100, 0]);
    assert.deepEqual(c.exitCodesNoRestart, [0, 4294967295]);
    assert.deepEqual(c.exitCodesStopService, [3221225477], 'a signed code is the same 32 bits');
    assert.deepEqual(c.readiness, { kind: 'http', port: 8080, httpPath: '/health?x=1', httpStatus: 204, heartbeatFile: null, heartbeatMaxAgeSec: 30 });
    assert.deepEqual(c.liveness, { kind: 'heartbeat', port: 0, httpPath: '/', httpStatus: 200, heartbeatFile: '\\\\server\\share\\beat', heartbeatMaxAgeSec: 5 });
    assert.equal(c.logTotalCapBytes, 65536 * 2 * 2, 'split: both streams count toward the default cap');
    assert.deepEqual([c.jobAllowBreakaway, c.jobMemoryBytes, c.jobPriorityClass], [1, 2 ** 33, 0x4000]);
  });

  // Each case: values on top of the minimal valid ones -> the code and the value named.
  const refused: [string, Record<string, ParameterValue>, number, string, RegExp][] = [
    ['no SchemaVersion', { SchemaVersion: undefined as never }, MISSING, 'SchemaVersion', /required/],
    ['schema 2', { SchemaVersion: 2 }, INVALID, 'SchemaVersion', /2 is out of range \(1\.\.1\)/],
    ['SchemaVersion as a string', { SchemaVersion: '1' }, INVALID, 'SchemaVersion', /must be REG_DWORD, not REG_SZ/],
    ['no Program', { Program: undefined as never }, MISSING, 'Program', /required/],
    ['a relative Program', { Program: 'worker.exe' }, INVALID, 'Program', /absolute path/],
    ['Arguments as one string', { Arguments: 'a b' }, INVALID, 'Arguments', /REG_MULTI_SZ/],
    ['a relative WorkingDirectory', { WorkingDirectory: 'work' }, INVALID, 'WorkingDirectory', /absolute/],
    ['an Environment entry without =', { Environment: ['A=1', 'JUSTNAME'] }, INVALID, 'Environment', /'JUSTNAME' is not NAME=value/],
    ['StopMethods 8', { StopMethods: 8 }, INVALID, 'StopMethods', /out of range/],
    ['StopBudgetMs 999', { StopBudgetMs: 999 }, INVALID, 'StopBudgetMs', /999 is out of range \(1000\.\.600000\)/],
    ['StopBudgetMs 600001', { StopBudgetMs: 600001 }, INVALID, 'StopBudgetMs', /out of range/],
    ['RestartBaseMs 99', { RestartBaseMs: 99 }, INVALID, 'RestartBaseMs', /out of range/],
    ['RestartFactorPercent 1001', { RestartFactorPercent: 1001 }, INVALID, 'RestartFactorPercent', /out of range/],
    ['RestartCapMs below the base', { RestartBaseMs: 5000, RestartCapMs: 4000 }, INVALID, 'RestartCapMs', /4000 is out of range \(5000\.\.3600000\)/],
    ['RestartJitterPercent 101', { RestartJitterPercent: 101 }, INVALID, 'RestartJitterPercent', /out of range/],
    ['RestartMaxCount 1001', { RestartMaxCount: 1001 }, INVALID, 'RestartMaxCount', /out of range/],
    ['RestartWindowSec 0', { RestartWindowSec: 0 }, INVALID, 'RestartWindowSec', /out of range/],
    ['RestartResetSec 86401', { RestartResetSec: 86401 }, INVALID, 'RestartResetSec', /out of range/],
    ['a word in ExitCodesNoRestart', { ExitCodesNoRestart: ['3', 'three'] }, INVALID, 'ExitCodesNoRestart', /'three' is not a decimal exit code/],
    ['a code over 32 bits', { ExitCodesStopService: ['4294967296'] }, INVALID, 'ExitCodesStopService', /not a decimal exit code/],
    ['an unknown ReadinessKind', { ReadinessKind: 'ping' }, INVALID, 'ReadinessKind', /'ping' is not one of none, tcp, http, heartbeat/],
    ['tcp without a port', { ReadinessKind: 'tcp' }, MISSING, 'ReadinessPort', /required when the probe is tcp/],
    ['port 0', { LivenessKind: 'tcp', LivenessPort: 0 }, INVALID, 'LivenessPort', /out of range \(1\.\.65535\)/],
    ['an HTTP path without /', { ReadinessKind: 'http', ReadinessPort: 80, ReadinessHttpPath: 'health' }, INVALID, 'ReadinessHttpPath', /start with \//],
    ['an HTTP path with a line break', { ReadinessKind: 'http', ReadinessPort: 80, ReadinessHttpPath: '/a\r\nX: y' }, INVALID, 'ReadinessHttpPath', /control characters/],
    ['HTTP status 600', { LivenessHttpStatus: 600 }, INVALID, 'LivenessHttpStatus', /out of range/],
    ['heartbeat without a file', { LivenessKind: 'heartbeat' }, MISSING, 'LivenessHeartbeatFile', /required when the probe is heartbeat/],
    ['a relative heartbeat file', { ReadinessHeartbeatFile: 'beat.txt' }, INVALID, 'ReadinessHeartbeatFile', /absolute/],
    ['ReadinessTimeoutSec 3601', { ReadinessTimeoutSec: 3601 }, INVALID, 'ReadinessTimeoutSec', /out of range/],
    ['LivenessFailuresToRestart 0', { LivenessFailuresToRestart: 0 }, INVALID, 'LivenessFailuresToRestart', /out of range/],
    ['ProbeTimeoutMs 99', { ProbeTimeoutMs: 99 }, INVALID, 'ProbeTimeoutMs', /out of range/],
    ['LogMaxFileBytes 65535', { LogMaxFileBytes: 65535 }, INVALID, 'LogMaxFileBytes', /out of range/],
    ['LogMaxFiles 101', { LogMaxFiles: 101 }, INVALID, 'LogMaxFiles', /out of range/],
    ['LogTotalCapBytes below one file', { LogMaxFileBytes: 1048576, LogTotalCapBytes: 1000n }, INVALID, 'LogTotalCapBytes', /out of range \(1048576\.\./],
    ['LogTotalCapBytes as a DWORD', { LogTotalCapBytes: 5_000_000 }, INVALID, 'LogTotalCapBytes', /must be REG_QWORD, not REG_DWORD/],
    ['LogSplit 2', { LogSplit: 2 }, INVALID, 'LogSplit', /out of range/],
    ['JobAllowBreakaway 2', { JobAllowBreakaway: 2 }, INVALID, 'JobAllowBreakaway', /out of range/],
    ['JobCpuRatePercent 101', { JobCpuRatePercent: 101 }, INVALID, 'JobCpuRatePercent', /out of range/],
    ['JobAffinity beyond the machine', { JobAffinity: 1n << 63n }, INVALID, 'JobAffinity', /processors this machine does not have/],
    ['an unknown JobPriorityClass', { JobPriorityClass: 'realtime' }, INVALID, 'JobPriorityClass', /'realtime' is not one of idle/],
  ];
  for (const [label, values, code, value, reason] of refused) {
    test(`refused: ${label} -> ${value}`, () => {
      const all: Record<string, ParameterValue> = { SchemaVersion: 1, Program: PROGRAM };
      for (const [k, v] of Object.entries(values)) {
        if (v === undefined) delete all[k];
        else all[k] = v;
      }
      const answer = readConfig(all);
      assert.equal(answer.ok, false, `refused (${JSON.stringify(answer)})`);
      assert.equal(answer.code, code, `code 0x${(answer.code ?? 0).toString(16)} (${answer.value}: ${answer.reason})`);
      assert.equal(answer.value, value);
      assert.match(answer.reason!, reason);
    });
  }

  test('unknown values are ignored', () => {
    assert.equal(readConfig({ SchemaVersion: 1, Program: PROGRAM, SomethingNew: 'x', AnotherOne: 7 }).ok, true);
  });

  test('restart delays: base * factor^(n-1), capped, jittered within [d(1-j), d(1+j)] then capped again', () => {
    const at = (uniform: number, base = 1000, factor = 200, cap = 60000, jitter = 20) =>
      (check('delays', '8', String(uniform), String(base), String(factor), String(cap), String(jitter))[0] as { delays: number[]; uniform: number[] });
    assert.deepEqual(at(0.5).delays, [1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000], 'the middle of the jitter is d itself');
    assert.deepEqual(at(0).delays, [800, 1600, 3200, 6400, 12800, 25600, 48000, 48000], 'u = 0: d(1 - j)');
    assert.deepEqual(at(0.999999).delays.slice(0, 3), [1199, 2399, 4799], 'u -> 1: just under d(1 + j)');
    assert.equal(at(0.999999).delays[6], 60000, 'the cap holds after the jitter too');
    assert.deepEqual(at(0.5, 500, 100, 500, 0).delays, Array(8).fill(500), 'factor 100 and jitter 0: a constant delay');
    const draws = at(0.5).uniform;
    assert.ok(draws.every((u) => u >= 0 && u < 1), 'uniform draws are in [0, 1)');
    assert.ok(new Set(draws).size > 190, 'and they vary');
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    assert.ok(mean > 0.4 && mean < 0.6, `their mean is about 0.5 (${mean})`);
  });

  test('the stop schedule: soft steps evenly over the budget less the reserve, TerminateJobObject, STOPPED by budget - 250 ms', () => {
    const plan = (methods: number, budget: number) => (check('stop-plan', String(methods), String(budget))[0] as { steps: { step: string; at: number }[] }).steps;
    assert.deepEqual(plan(7, 15000), [
      { step: 'ctrl-c', at: 0 },
      { step: 'ctrl-break', at: 4333 },
      { step: 'wm-close', at: 8666 },
      { step: 'terminate', at: 12999 },
      { step: 'deadline', at: 14750 },
    ]);
    // The smallest budget: the reserve is still 500 ms, so TerminateJobObject comes before the deadline.
    assert.deepEqual(plan(4, 1000), [
      { step: 'wm-close', at: 0 },
      { step: 'terminate', at: 500 },
      { step: 'deadline', at: 750 },
    ]);
    assert.deepEqual(plan(0, 5000), [
      { step: 'terminate', at: 0 },
      { step: 'deadline', at: 4750 },
    ]);
    for (const [methods, budget] of [[7, 1000], [3, 600000], [1, 2000]] as const) {
      const steps = plan(methods, budget);
      assert.ok(steps.every((s) => s.at < budget), `every step of ${methods}/${budget} is inside the budget`);
      assert.ok(steps.every((s, i) => i === 0 || s.at >= steps[i - 1]!.at), `the steps of ${methods}/${budget} come in order`);
    }
  });

  test("the status line is CONTRACT.md's object: nulls for the unknown, the newest 20 exits, escaped strings", () => {
    const [empty, filled, tooSmall] = check('status-sample') as [Record<string, unknown>, Record<string, unknown>, { tooSmall: number }];
    assert.deepEqual(Object.keys(empty), [
      'type', 'version', 'service', 'hostPid', 'state', 'programPid', 'pids', 'restarts', 'restartsInWindow', 'nextRestartAt',
      'lastExits', 'readiness', 'liveness', 'job', 'limitHits', 'events', 'logFolder',
    ]);
    assert.equal(empty.service, 'Sérvice "quoted"');
    assert.deepEqual([empty.state, empty.programPid, empty.pids, empty.nextRestartAt, empty.job, empty.readiness, empty.logFolder], ['starting', null, [], null, null, null, null]);
    assert.equal(filled.state, 'backoff');
    assert.equal(filled.nextRestartAt, '2026-12-02T21:03:04.123Z');
    const exits = filled.lastExits as { pid: number; code: number; at: string }[];
    assert.equal(exits.length, 20);
    assert.deepEqual([exits[0]!.pid, exits[19]!.pid], [105, 124], 'the oldest dropped, newest last');
    assert.match(exits[0]!.at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.deepEqual(filled.liveness, { kind: 'http', ok: false, at: '2026-12-02T21:03:04.123Z', detail: 'HTTP 503', consecutiveFailures: 1 });
    assert.deepEqual(filled.job, { activeProcesses: 2, totalProcesses: 5, userTimeMs: 1234, kernelTimeMs: 56, peakProcessMemoryBytes: null, peakJobMemoryBytes: 1048576 });
    assert.deepEqual((filled.events as { detail: string }[])[0]!.detail, 'in 2.1 s\n(restart 2 of 5)');
    assert.equal(filled.logFolder, 'C:\\ProgramData\\Admin Console\\services\\X');
    assert.equal(tooSmall.tooSmall, 0, 'a line that does not fit is not written at all');
  });

  test("the program's arguments are quoted as CommandLineToArgvW reads them (the console's quoting)", () => {
    const args = ['plain', 'with space', 'quote"inside', 'trailing\\', 'dir with space\\', '', 'back\\\\"slash', 'tab\there', 'ünï ✓'];
    const { line } = check('quote', ...args)[0] as { line: string };
    assert.equal(line, args.map((a) => quoteArgument(a)).join(' '));
  });
});
