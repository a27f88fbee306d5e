import { describe, expect, it } from 'vitest';
import { testRun } from './test-runs';
import { emptyRunForm, formatExitCode, formToRunRequest, runDuration, upsertRun, type RunForm } from './run-form';

const convert = (over: Partial<RunForm>) => formToRunRequest({ ...emptyRunForm(), commandLine: 'cmd /c echo hi', ...over });

describe('formToRunRequest', () => {
  it('builds a request the contract accepts, with the timeout in seconds', () => {
    const { request, problems } = convert({ timeout: '2', timeoutUnit: 'min', workingDirectory: 'C:\\work', template: 'Build box', environment: [{ name: ' CI ', value: '1' }, { name: '', value: '' }] });
    expect(problems.size).toBe(0);
    expect(request).toEqual({ commandLine: 'cmd /c echo hi', workingDirectory: 'C:\\work', environment: [{ name: 'CI', value: '1' }], timeoutSeconds: 120, template: 'Build box' });
    expect(convert({ timeout: '1.5', timeoutUnit: 's' }).request?.timeoutSeconds).toBe(2);
    expect(convert({}).request).toMatchObject({ workingDirectory: null, template: null, timeoutSeconds: 300 });
  });

  it('bounds the timeout from 1 second to 24 hours', () => {
    expect(convert({ timeout: '0', timeoutUnit: 's' }).problems.get('timeout')).toHaveLength(1);
    expect(convert({ timeout: '1441', timeoutUnit: 'min' }).problems.get('timeout')).toHaveLength(1);
    expect(convert({ timeout: '1440', timeoutUnit: 'min' }).request?.timeoutSeconds).toBe(86_400);
    expect(convert({ timeout: '' }).problems.get('timeout')?.[0]).toContain('Give a timeout');
    expect(convert({ timeout: 'soon' }).problems.has('timeout')).toBe(true);
  });

  it('checks environment rows: a name, no =, no repeats in any case', () => {
    const env = (rows: { name: string; value: string }[]) => convert({ environment: rows }).problems.get('environment') ?? [];
    expect(env([{ name: '', value: 'x' }])).toEqual(['Row 1: give the variable a name.']);
    expect(env([{ name: 'A=B', value: 'x' }])).toEqual(['Row 1: a variable name cannot hold “=”.']);
    expect(env([{ name: 'Path', value: 'a' }, { name: 'PATH', value: 'b' }])).toEqual(['Row 2: PATH is already set above.']);
    expect(env([{ name: 'X', value: 'a\nb' }])[0]).toContain('control');
  });

  it('wants a command line', () => {
    expect(convert({ commandLine: '  ' }).problems.get('commandLine')).toEqual(['Type the command line.']);
  });
});

describe('run words', () => {
  it('shows exit codes as Windows tools do', () => {
    expect(formatExitCode(null)).toBe('—');
    expect(formatExitCode(0)).toBe('0');
    expect(formatExitCode(-1073741510)).toBe('-1073741510 (0xC000013A)');
  });
  it('measures a run to its end, or to now while it runs', () => {
    expect(runDuration(testRun('0000000000000001', { startedAt: 1000, endedAt: 126_000 }), 999_999)).toBe('2 min 5 s');
    expect(runDuration(testRun('0000000000000001'), 4000)).toBe('3 s');
  });
  it('keeps history newest first, one entry per run', () => {
    const a = testRun('000000000000000a', { startedAt: 1 });
    const b = testRun('000000000000000b', { startedAt: 2 });
    const runs = upsertRun(upsertRun([], a), b);
    expect(runs.map((r) => r.id)).toEqual([b.id, a.id]);
    const ended = upsertRun(runs, { ...a, state: 'timedOut' });
    expect(ended.map((r) => r.state)).toEqual(['running', 'timedOut']);
    expect(upsertRun(runs, testRun('000000000000000c', { startedAt: 3 }), 2)).toHaveLength(2);
  });
});
