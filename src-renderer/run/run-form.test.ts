import { describe, expect, it } from 'vitest';
import { testRun } from './test-runs';
import { emptyRunForm, formatExitCode, formToRunRequest, NO_NOTICE, runDuration, runStatusLine, upsertRun, type RunForm } from './run-form';

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

describe('the command line', () => {
  it('is one line: a line break is a problem that says why, not a silent join', () => {
    const problem = convert({ commandLine: 'cmd /c echo a\necho b' }).problems.get('commandLine')?.[0];
    expect(problem).toContain('A command line is one line');
    expect(convert({ commandLine: 'cmd /c echo a\r\n' }).request).toBeNull();
    expect(convert({ commandLine: 'x'.repeat(500) }).request?.commandLine).toHaveLength(500);
  });
});

describe('runStatusLine', () => {
  const running = testRun('r1');
  it('follows the run: Cancelling… gives way to Cancelled, in whichever order the events came', () => {
    const notice = { text: 'Cancelling: the job’s whole process tree is being ended…', runId: 'r1' };
    expect(runStatusLine(notice, running)).toBe(notice.text);
    const cancelled = testRun('r1', { state: 'cancelled', exitCode: 1223, message: 'Cancelled: the whole job was terminated.' });
    expect(runStatusLine(notice, cancelled)).toBe('Cancelled (tree killed), exit code 1223 (0x000004C7): cancelled (the code the console gives a run it cancels) [ERROR_CANCELLED].');
  });

  it('says how an exited run ended, with its exit code in words', () => {
    expect(runStatusLine({ text: 'Running (PID 4).', runId: 'r1' }, testRun('r1', { state: 'exited', exitCode: 0, message: null }))).toBe('Exited, exit code 0 (0x00000000): success [ERROR_SUCCESS].');
  });

  it('says nothing stale about another run, and shows notices about no run as they are', () => {
    expect(runStatusLine({ text: 'Running (PID 4).', runId: 'r0' }, running)).toBe('');
    expect(runStatusLine({ text: 'Confirm the command in the main window…', runId: null }, running)).toBe('Confirm the command in the main window…');
    expect(runStatusLine(NO_NOTICE, undefined)).toBe('');
  });
});
