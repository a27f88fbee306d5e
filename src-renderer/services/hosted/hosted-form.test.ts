import { describe, expect, it } from 'vitest';
import { newHostedDefinition } from '../../../src-preload/contract/hosted-defaults';
import { HostedDefinition } from '../../../src-preload/contract/hosted-schemas';
import {
  decimal,
  emptyHostedForm,
  formToHostedDefinition,
  hostedFormFromDefinition,
  hostedProblemField,
  parseExitCodes,
  restartPolicyOf,
  visibleHostedProblems,
  type HostedForm,
} from './hosted-form';

const INSTALL = { kind: 'install' } as const;
const filled = (over: Partial<HostedForm> = {}): HostedForm => ({ ...emptyHostedForm(), name: 'NodeApi', program: 'C:\\apps\\node.exe', ...over });
const convert = (form: HostedForm, mode: { kind: 'install' } | { kind: 'edit'; name: string } = INSTALL) => formToHostedDefinition(form, mode, 8);
const fields = (form: HostedForm) => convert(form).problems.map((p) => p.field);

describe('the hosted form', () => {
  it('starts from the host’s defaults: the virtual account, manual start, every stop method, the contract’s policy', () => {
    const { definition, problems } = convert(filled());
    expect(problems).toEqual([]);
    expect(definition).toEqual(newHostedDefinition('NodeApi', 'C:\\apps\\node.exe'));
    expect(HostedDefinition.safeParse(definition).success).toBe(true);
  });

  it('round-trips a full definition through the form exactly', () => {
    const def = {
      ...newHostedDefinition('Worker', 'C:\\Program Files\\Py\\python.exe'),
      displayName: 'Python worker',
      arguments: ['-u', 'C:\\work\\worker.py', 'with space'],
      workingFolder: 'C:\\work',
      environment: [
        { name: 'PYTHONUNBUFFERED', value: '1' },
        { name: 'MODE', value: 'a=b' },
      ],
      account: { kind: 'gmsa' as const, name: 'CORP\\worker$' },
      stop: { methods: ['ctrlC' as const, 'closeWindows' as const], budgetMs: 2500 },
      restart: { baseMs: 500, factorPercent: 150, capMs: 30_000, jitterPercent: 0, maxCount: 10, windowSec: 3600, resetSec: 120, exitCodesNoRestart: [0], exitCodesStopService: [3, 0xc0000005] },
      readiness: { probe: { kind: 'http' as const, port: 8080, path: '/health', expectStatus: 204 }, timeoutSec: 30 },
      liveness: { probe: { kind: 'heartbeat' as const, file: 'C:\\work\\beat', maxAgeSec: 20 }, intervalSec: 5, failuresToRestart: 2 },
      probeTimeoutMs: 500,
      log: { maxFileBytes: 1024 * 1024, maxFiles: 3, totalCapBytes: 5 * 1024 * 1024, split: true },
      job: {
        template: 'Small sandbox',
        limits: { ...newHostedDefinition('x', 'C:\\x').job.limits, jobMemoryBytes: 512 * 1024 * 1024, activeProcesses: 4, priorityClass: 'belowNormal' as const },
      },
    };
    const form = hostedFormFromDefinition(def);
    expect(form.limitSource).toBe('limits');
    expect(convert(form, { kind: 'edit', name: 'Worker' })).toEqual({ definition: def, problems: [] });
  });

  it('needs a name and a program with its full path', () => {
    expect(fields(filled({ name: '', program: '' }))).toEqual(['name', 'program']);
    expect(convert(filled({ program: 'node.exe' })).problems[0]?.message).toMatch(/full path/);
    expect(fields(filled({ name: 'a\\b' }))).toEqual(['name']);
  });

  it('reads arguments and the environment one per line, refusing a repeated variable', () => {
    const { definition } = convert(filled({ argumentsText: 'server.js\n--port\n8080\n', environmentText: 'PORT=8080\nNODE_ENV=production\n' }));
    expect(definition?.arguments).toEqual(['server.js', '--port', '8080']);
    expect(definition?.environment).toEqual([
      { name: 'PORT', value: '8080' },
      { name: 'NODE_ENV', value: 'production' },
    ]);
    expect(convert(filled({ environmentText: 'PORT=1\nport=2' })).problems).toEqual([{ field: 'environment', message: 'port is set twice (Windows variable names ignore case).' }]);
    expect(convert(filled({ environmentText: 'no equals sign' })).problems[0]?.message).toBe('Line 1: write NAME=value.');
  });

  it('checks every number against the contract’s range, in the unit the admin types', () => {
    expect(fields(filled({ stopBudgetSec: '0.5' }))).toEqual(['stop.budgetMs']);
    expect(convert(filled({ stopBudgetSec: '601' })).problems[0]?.message).toBe('The stop budget is: 1 to 600 s.');
    expect(fields(filled({ restartFactor: '0.5' }))).toEqual(['restart.factorPercent']);
    expect(fields(filled({ restartBaseSec: '10', restartCapSec: '5' }))).toEqual(['restart.capMs']);
    expect(fields(filled({ restartMaxCount: '-1' }))).toEqual(['restart.maxCount']);
    expect(fields(filled({ logMaxFileMB: '0.01' }))).toEqual(['log.maxFileBytes']);
    expect(fields(filled({ logMaxFileMB: '10', logTotalCapMB: '5' }))).toEqual(['log.totalCapBytes']);
    expect(fields(filled({ readiness: { ...emptyHostedForm().readiness, kind: 'tcp', port: '70000' } }))).toEqual(['readiness.probe.port']);
    expect(fields(filled({ liveness: { ...emptyHostedForm().liveness, kind: 'http', port: '80', path: 'health' } }))).toEqual(['liveness.probe.path']);
  });

  it('reads exit codes in decimal or hex and refuses a code in both lists', () => {
    expect(parseExitCodes('1, 3 0xC0000005')).toEqual({ codes: [1, 3, 0xc0000005], bad: null });
    expect(parseExitCodes('1 two')).toEqual({ codes: [], bad: 'two' });
    expect(fields(filled({ exitCodesNoRestart: '0 3', exitCodesStopService: '3' }))).toEqual(['restart.exitCodesStopService']);
  });

  it('takes a gMSA only with its $ and keeps a blank password when editing a user account', () => {
    expect(fields(filled({ accountKind: 'gmsa', accountName: 'CORP\\svc' }))).toEqual(['account']);
    expect(convert(filled({ accountKind: 'user', accountName: '.\\svc', password: '' }), { kind: 'edit', name: 'NodeApi' }).definition?.account).toEqual({ kind: 'user', name: '.\\svc' });
    expect(convert(filled({ accountKind: 'user', accountName: '.\\svc', password: 'pw' })).definition?.account).toEqual({ kind: 'user', name: '.\\svc', password: 'pw' });
  });

  it('passes the limit editor’s problems under job.limits', () => {
    const form = filled({ limitSource: 'limits', limits: { ...emptyHostedForm().limits, activeProcesses: '0' } });
    expect(fields(form)).toEqual(['job.limits.activeProcesses']);
    expect(hostedProblemField('job.limits.activeProcesses')).toBe('job.limits');
  });

  it('gives the schedule preview a policy only when every restart field is in range', () => {
    expect(restartPolicyOf(emptyHostedForm())).toEqual({ baseMs: 1000, factorPercent: 200, capMs: 60_000, jitterPercent: 20, maxCount: 5, windowSec: 600, resetSec: 300 });
    expect(restartPolicyOf({ ...emptyHostedForm(), restartFactor: 'x' })).toBeNull();
    expect(restartPolicyOf({ ...emptyHostedForm(), restartBaseSec: '90', restartCapSec: '60' })).toBeNull();
    expect(decimal('1.5')).toBe(1.5);
    expect(decimal('1e3')).toBeNull();
  });
});

describe('when problems speak', () => {
  const local = [
    { field: 'name', message: 'Enter a service name.' },
    { field: 'program', message: 'Enter the program.' },
  ];
  const plan = [
    { field: 'readiness.probe.port', message: 'Port in use.' },
    { field: '', message: 'A service named NodeApi already exists.' },
  ];
  it('stays silent until a field is touched, then speaks for that field only', () => {
    expect(visibleHostedProblems(local, plan, new Set(), false).size).toBe(0);
    const shown = visibleHostedProblems(local, plan, new Set(['program']), false);
    expect([...shown.keys()]).toEqual(['program', '']);
  });
  it('speaks for every field once Apply was tried, plan problems beside their field', () => {
    const shown = visibleHostedProblems(local, plan, new Set(), true);
    expect(shown.get('readiness.probe')).toEqual(['Port in use.']);
    expect(shown.get('name')).toEqual(['Enter a service name.']);
    expect(shown.get('')).toEqual(['A service named NodeApi already exists.']);
  });
});
