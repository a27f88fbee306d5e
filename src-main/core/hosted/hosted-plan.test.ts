import { describe, expect, it } from 'vitest';
import { newHostedDefinition } from '../../../src-preload/contract/hosted-defaults';
import { HostedDefinition } from '../../../src-preload/contract/hosted-schemas';
import type { ServiceConfig } from '../services/service-manager';
import { hostCommandLine } from './host-command-line';
import { hostedAccountFrom, hostedDefinitionFrom, hostedLogon, planHostedEdit, planHostedInstall, type HostedPlaces } from './hosted-plan';
import { hostedProblems } from './hosted-problems';
import { parametersOf } from './parameters';
import { fullDefinition } from './test-hosted';
import { parametersPart } from './hosted-plan';

const HOST = 'C:\\ProgramData\\Admin Console\\service-host\\1.0.0\\service-host.exe';
const places: HostedPlaces = { hostPath: HOST, logFolder: (name) => `C:\\ProgramData\\Admin Console\\services\\${name}` };
const installed = {
  list: () => [{ name: 'Spooler', displayName: 'Print Spooler' }],
  dependenciesOf: () => [],
};

function configOf(binaryPath: string, over: Partial<ServiceConfig> = {}): ServiceConfig {
  return {
    kind: 'ownProcess',
    typeBits: 0x10,
    startType: 'manual',
    errorControl: 'normal',
    binaryPath,
    loadOrderGroup: '',
    dependencies: [],
    registryDependencies: [],
    account: 'NT SERVICE\\web',
    displayName: 'web',
    description: '',
    delayedAutoStart: false,
    triggered: false,
    recovery: null,
    recoveryOnNonCrashFailures: null,
    unreadable: [],
    ...over,
  };
}

describe('hosted install plan', () => {
  it('registers the quoted host with --service NAME under the virtual account, with no password', () => {
    const planned = planHostedInstall(newHostedDefinition('web', 'C:\\apps\\web\\server.exe'), installed, places);
    expect(planned.plan.problems).toEqual([]);
    expect(planned.plan.binaryPath).toBe(`"${HOST}" --service web`);
    expect(planned.create).toMatchObject({ name: 'web', account: 'NT SERVICE\\web', password: null, startType: 'manual', binaryPath: `"${HOST}" --service web` });
    expect(planned.change).toEqual({ preshutdownTimeoutMs: 20_000, recoveryOnNonCrashFailures: true });
    expect(planned.plan.commands).toEqual([
      `sc.exe create web binPath= "\\"${HOST}\\" --service web" DisplayName= web type= own start= demand error= normal obj= "NT SERVICE\\web"`,
      'sc.exe failureflag web 1',
      'reg add HKLM\\SYSTEM\\CurrentControlSet\\Services\\web /v PreshutdownTimeout /t REG_DWORD /d 20000 /f',
    ]);
    expect(planned.plan.registry[0]).toBe('reg add HKLM\\SYSTEM\\CurrentControlSet\\Services\\web\\Parameters /v SchemaVersion /t REG_DWORD /d 1 /f');
    expect(planned.plan.registry).toContain('reg add HKLM\\SYSTEM\\CurrentControlSet\\Services\\web\\Parameters /v Program /t REG_SZ /d C:\\apps\\web\\server.exe /f');
    expect(planned.plan.registry).toHaveLength(planned.parameters?.length ?? -1);
    expect(planned.plan.schedule.text).toMatch(/^1 s, 2 s, 4 s, 8 s, 16 s \(±20%\), then give up after 5 restarts in 10 min/);
    expect(planned.plan.notes.join(' ')).toMatch(/stays there after an uninstall/);
    expect(planned.plan.notes.join(' ')).toMatch(/runs as NT SERVICE\\web \(virtual account\), not as an administrator/);
  });

  it('masks a password and shows one reg line per value, multi-strings joined with \\0', () => {
    const def = { ...fullDefinition(), account: { kind: 'user' as const, name: '.\\svc-web', password: 'hunter2' } };
    const planned = planHostedInstall(def, installed, places);
    const everything = JSON.stringify(planned.plan);
    expect(everything).not.toContain('hunter2');
    expect(planned.plan.commands[0]).toContain('obj= .\\svc-web password= ********');
    expect(planned.create?.password).toBe('hunter2');
    expect(planned.plan.registry).toContain('reg add HKLM\\SYSTEM\\CurrentControlSet\\Services\\web\\Parameters /v Arguments /t REG_MULTI_SZ /d "--port\\08080\\0two words" /f');
    expect(planned.plan.registry).toContain('reg add HKLM\\SYSTEM\\CurrentControlSet\\Services\\web\\Parameters /v JobAffinity /t REG_QWORD /d 0x8000000000000005 /f');
  });

  it('lists problems per field', () => {
    const def = { ...newHostedDefinition('Spooler', 'server.exe'), account: { kind: 'user' as const, name: '.\\svc' } };
    const fields = planHostedInstall(def, installed, places).plan.problems.map((p) => p.field);
    expect(fields).toEqual(['name', 'displayName', 'program', 'account']);
  });

  it('gives gMSA and virtual accounts no password, and reads them back', () => {
    expect(hostedLogon('web', { kind: 'gmsa', name: 'CORP\\web$' })).toEqual({ account: 'CORP\\web$', password: null });
    expect(hostedAccountFrom('web', 'NT SERVICE\\web')).toEqual({ kind: 'virtual' });
    expect(hostedAccountFrom('web', 'NT SERVICE\\other')).toEqual({ kind: 'user', name: 'NT SERVICE\\other' });
    expect(hostedAccountFrom('web', 'CORP\\web$')).toEqual({ kind: 'gmsa', name: 'CORP\\web$' });
    expect(hostedAccountFrom('web', 'LocalSystem')).toEqual({ kind: 'localSystem' });
  });
});

describe('hosted edit plan', () => {
  const def = fullDefinition();
  const stored = parametersOf(parametersPart(def));
  const current = { config: configOf(hostCommandLine(HOST, 'web')), parameters: stored };

  it('loads the form from the SCM and the registry', () => {
    expect(hostedDefinitionFrom('web', current.config, stored)).toEqual({ definition: { ...def, displayName: 'web' }, problems: [] });
    expect(() => hostedDefinitionFrom('web', configOf('C:\\other.exe'), stored)).toThrow(/not run by the console's service host/);
  });

  it('changes nothing when nothing differs', () => {
    const planned = planHostedEdit('web', { ...def, displayName: 'web' }, current, installed, places);
    expect(planned.plan).toMatchObject({ commands: [], registry: [], changes: [], problems: [] });
    expect(planned.change).toEqual({});
    expect(planned.parameters).toBeNull();
  });

  it('shows only the values that differ and rewrites the whole key', () => {
    const edited = { ...def, displayName: 'web', restart: { ...def.restart, maxCount: 9 }, workingFolder: null, stop: { ...def.stop, budgetMs: 30_000 } };
    const planned = planHostedEdit('web', edited, current, installed, places);
    expect(planned.plan.registry).toEqual([
      'reg add HKLM\\SYSTEM\\CurrentControlSet\\Services\\web\\Parameters /v StopBudgetMs /t REG_DWORD /d 30000 /f',
      'reg add HKLM\\SYSTEM\\CurrentControlSet\\Services\\web\\Parameters /v RestartMaxCount /t REG_DWORD /d 9 /f',
      'reg delete HKLM\\SYSTEM\\CurrentControlSet\\Services\\web\\Parameters /v WorkingDirectory /f',
    ]);
    expect(planned.change).toEqual({ preshutdownTimeoutMs: 35_000 });
    expect(planned.parameters).toEqual(parametersOf(parametersPart(edited)));
    expect(planned.plan.notes.join(' ')).toMatch(/restart the service/);
  });

  it('moves the service onto this console host after an upgrade', () => {
    const old = { ...current, config: configOf(hostCommandLine('C:\\ProgramData\\Admin Console\\service-host\\0.9.0\\service-host.exe', 'web')) };
    const planned = planHostedEdit('web', { ...def, displayName: 'web' }, old, installed, places);
    expect(planned.change).toEqual({ binaryPath: `"${HOST}" --service web` });
  });
});

describe('the edit form from a registry the console did not write', () => {
  it('always gives a definition the contract accepts, naming what it replaced', () => {
    const values = [
      { name: 'SchemaVersion', type: 'dword' as const, value: 1 },
      { name: 'Program', type: 'sz' as const, value: 'C:\\x.exe\u0007' },
      { name: 'Arguments', type: 'multiSz' as const, value: ['a\tb', 'x'.repeat(5000)] },
      { name: 'Environment', type: 'multiSz' as const, value: ['A=1', 'a=2', '=x'] },
      { name: 'LivenessKind', type: 'sz' as const, value: 'heartbeat' },
      { name: 'ReadinessKind', type: 'sz' as const, value: 'http' },
      { name: 'ReadinessHttpPath', type: 'sz' as const, value: 'no slash' },
      { name: 'JobActiveProcesses', type: 'dword' as const, value: 4_000_000 },
      { name: 'JobProcessMemoryBytes', type: 'qword' as const, value: 10n },
      { name: 'LogTotalCapBytes', type: 'qword' as const, value: 1n },
      { name: 'JobTemplate', type: 'sz' as const, value: 'T'.repeat(200) },
    ];
    const read = hostedDefinitionFrom('web', configOf(hostCommandLine(HOST, 'web'), { account: 'NT SERVICE\\web', displayName: '' }), values);
    const parsed = HostedDefinition.safeParse(read.definition);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(read.problems.map((p) => p.field)).toEqual(['environment', 'environment', 'job.limits', 'log.totalCapBytes', 'readiness.probe', 'readiness.probe', 'liveness.probe']);
    expect(read.definition.liveness.probe).toBeNull();
    expect(read.definition.environment).toEqual([{ name: 'A', value: '1' }]);
  });
});

describe('hosted problems', () => {
  it('accepts the defaults and a full definition', () => {
    expect(hostedProblems(newHostedDefinition('web', 'C:\\a.exe'))).toEqual([]);
    expect(hostedProblems(fullDefinition())).toEqual([]);
  });

  it('checks ranges, paths and rules across fields, per field', () => {
    const def = fullDefinition();
    const problems = hostedProblems({
      ...def,
      workingFolder: 'relative\\dir',
      arguments: ['--a', ''],
      restart: { ...def.restart, baseMs: 5000, capMs: 1000, exitCodesNoRestart: [3], maxCount: 1001 },
      liveness: { ...def.liveness, probe: { kind: 'heartbeat', file: 'beat.txt', maxAgeSec: 0 } },
      log: { ...def.log, totalCapBytes: 65_536 },
      job: { template: null, limits: { ...def.job.limits, cpuRate: { kind: 'weight', weight: 5 }, priorityClass: 'realtime', workingSet: { minBytes: 1, maxBytes: 2 } } },
    });
    expect(problems.map((p) => p.field)).toEqual([
      'workingFolder',
      'arguments',
      'restart.capMs',
      'restart.maxCount',
      'restart.exitCodesStopService',
      'liveness.probe',
      'liveness.probe',
      'log.totalCapBytes',
      'job.limits',
      'job.limits',
      'job.limits',
    ]);
    expect(problems.find((p) => p.field === 'restart.maxCount')?.message).toBe('The restarts allowed must be a whole number from 0 to 1000.');
  });
});
