import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newHostedDefinition } from '../../../src-preload/contract/hosted-defaults';
import { HOSTED_RANGES } from '../../../src-preload/contract/hosted-ranges';
import { parametersPart } from './hosted-plan';
import { fullDefinition } from './test-hosted';
import { affinityMask, parametersFrom, parametersOf, type RegistryValue } from './parameters';

const byName = (values: RegistryValue[]) => Object.fromEntries(values.map((v) => [v.name, v]));

describe('definition -> Parameters values', () => {
  it('writes every value CONTRACT.md names, with its type', () => {
    const values = byName(parametersOf(parametersPart(fullDefinition())));
    expect(values.SchemaVersion).toEqual({ name: 'SchemaVersion', type: 'dword', value: 1 });
    expect(values.Program).toEqual({ name: 'Program', type: 'sz', value: 'C:\\apps\\web\\server.exe' });
    expect(values.Arguments).toEqual({ name: 'Arguments', type: 'multiSz', value: ['--port', '8080', 'two words'] });
    expect(values.Environment?.type === 'multiSz' && values.Environment.value).toEqual(['NODE_ENV=production', 'EMPTY=', 'WITH_EQUALS=a=b']);
    expect(values.StopMethods).toMatchObject({ type: 'dword', value: 5 });
    expect(values.ExitCodesStopService).toMatchObject({ type: 'multiSz', value: ['3', '4294967295'] });
    expect(values.ReadinessKind).toMatchObject({ type: 'sz', value: 'http' });
    expect(values.ReadinessHttpPath).toMatchObject({ value: '/healthz' });
    expect(values.LivenessHeartbeatFile).toMatchObject({ value: 'C:\\apps\\web\\beat' });
    expect(values.LivenessPort).toBeUndefined();
    expect(values.LogTotalCapBytes).toEqual({ name: 'LogTotalCapBytes', type: 'qword', value: 3_145_728n });
    expect(values.LogSplit).toMatchObject({ value: 1 });
    expect(values.JobAffinity).toEqual({ name: 'JobAffinity', type: 'qword', value: (1n << 63n) | 5n });
    expect(values.JobJobMemoryBytes).toBeUndefined();
    expect(values.JobMemoryBytes).toEqual({ name: 'JobMemoryBytes', type: 'qword', value: 6n * 1024n ** 3n });
    expect(values.JobPriorityClass).toMatchObject({ type: 'sz', value: 'below-normal' });
    expect(values.JobCpuRatePercent).toMatchObject({ value: 50 });
    expect(values.JobAllowBreakaway).toMatchObject({ value: 1 });
    expect(values.JobTemplate).toMatchObject({ value: 'Small sandbox' });
  });

  it('uses only value names CONTRACT.md lists (plus the console-only JobTemplate)', () => {
    const contract = fs.readFileSync(path.join(__dirname, '../../../native/service-host/CONTRACT.md'), 'utf8');
    const written = parametersOf(parametersPart(fullDefinition())).map((v) => v.name);
    const minimal = parametersOf(parametersPart({ ...fullDefinition(), readiness: { probe: { kind: 'tcp', port: 1 }, timeoutSec: 1 } })).map((v) => v.name);
    for (const name of new Set([...written, ...minimal])) {
      if (name === 'JobTemplate') continue;
      expect(contract, name).toContain(`\`${name}\``);
    }
  });

  it('leaves out what does not apply, so the host default holds', () => {
    const values = byName(parametersOf(parametersPart(newHostedDefinition('web', 'C:\\a.exe'))));
    expect(values.WorkingDirectory).toBeUndefined();
    expect(values.LogTotalCapBytes).toBeUndefined();
    expect(values.ReadinessKind).toMatchObject({ value: 'none' });
    expect(values.ReadinessPort).toBeUndefined();
    expect(values.JobTemplate).toBeUndefined();
    expect(values.JobMemoryBytes).toMatchObject({ value: 0n });
    expect(values.StopMethods).toMatchObject({ value: 7 });
  });
});

describe('Parameters values -> definition', () => {
  it('round-trips every field', () => {
    const def = fullDefinition();
    const read = parametersFrom(parametersOf(parametersPart(def)));
    expect(read.problems).toEqual([]);
    expect(read.parameters).toEqual(parametersPart(def));
  });

  it('round-trips the defaults', () => {
    const def = newHostedDefinition('web', 'C:\\a.exe');
    expect(parametersFrom(parametersOf(parametersPart(def)))).toEqual({ parameters: parametersPart(def), problems: [] });
  });

  it('matches names case-insensitively and takes defaults for missing optional values', () => {
    const read = parametersFrom([
      { name: 'schemaversion', type: 'dword', value: 1 },
      { name: 'PROGRAM', type: 'sz', value: 'C:\\x.exe' },
    ]);
    expect(read.problems).toEqual([]);
    expect(read.parameters.program).toBe('C:\\x.exe');
    expect(read.parameters.restart.baseMs).toBe(HOSTED_RANGES.restartBaseMs.default);
    expect(read.parameters.stop.methods).toEqual(['ctrlC', 'ctrlBreak', 'closeWindows']);
  });

  it('names each value it cannot show as stored and shows the default instead', () => {
    const read = parametersFrom([
      { name: 'SchemaVersion', type: 'dword', value: 2 },
      { name: 'Program', type: 'sz', value: 'C:\\x.exe' },
      { name: 'RestartBaseMs', type: 'dword', value: 50 },
      { name: 'StopBudgetMs', type: 'sz', value: '15000' },
      { name: 'ReadinessKind', type: 'sz', value: 'ping' },
      { name: 'LivenessKind', type: 'sz', value: 'tcp' },
      { name: 'ExitCodesNoRestart', type: 'multiSz', value: ['1', 'x', '-1073741819', '-2147483649'] },
      { name: 'Environment', type: 'multiSz', value: ['NOEQUALS', 'A=1'] },
      { name: 'JobPriorityClass', type: 'sz', value: 'realtime' },
    ]);
    expect(read.parameters.restart.baseMs).toBe(1000);
    expect(read.parameters.stop.budgetMs).toBe(15_000);
    expect(read.parameters.readiness.probe).toBeNull();
    expect(read.parameters.liveness.probe).toEqual({ kind: 'tcp', port: 80 });
    expect(read.parameters.restart.exitCodesNoRestart).toEqual([1, 3221225477]);
    expect(read.parameters.environment).toEqual([{ name: 'A', value: '1' }]);
    expect(read.problems.map((p) => p.field)).toEqual([
      'program',
      'environment',
      'job.limits',
      'stop.budgetMs',
      'restart.baseMs',
      'restart.exitCodesNoRestart',
      'restart.exitCodesNoRestart',
      'readiness.probe',
      'liveness.probe',
    ]);
    expect(read.problems.map((p) => p.message).join('\n')).toMatch(/SchemaVersion: is 2/);
    expect(read.problems.map((p) => p.message).join('\n')).toMatch(/StopBudgetMs: is REG_SZ, expected REG_DWORD/);
    expect(read.problems.map((p) => p.message).join('\n')).toMatch(/RestartBaseMs: 50 is outside 100..3600000/);
  });

  it('says when the required values are missing', () => {
    expect(parametersFrom([]).problems.map((p) => p.message)).toEqual([
      'Registry value SchemaVersion: is missing; the host will not start without it.',
      'Registry value Program: is missing; the host will not start without it.',
    ]);
  });

  it('builds affinity masks above 2^53 exactly', () => {
    expect(affinityMask([63])).toBe(0x8000_0000_0000_0000n);
  });
});
