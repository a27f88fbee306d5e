import { describe, expect, it } from 'vitest';
import { commandProblem, jobNameProblem, pickProcesses, templateNameProblem } from './job-form';
import { describeLimits, formatProcessors, limitRows } from './limit-text';
import { noLimits } from './limit-form';
import { eventToast, sortJobs } from './job-columns';
import { testAccounting, testEvent, testJob } from './test-jobs';

describe('names and commands', () => {
  it('takes the job names the contract takes (its JobName rule) and no others', () => {
    for (const name of ['build', 'Build box 2', 'a.b-c_d', '7zip', 'x'.repeat(64)]) expect(jobNameProblem(name), name).toBeNull();
    for (const name of ['', ' x', '.hidden', 'a\\b', 'x'.repeat(65), 'ünï', 'a/b']) expect(jobNameProblem(name), name).not.toBeNull();
  });
  it('refuses template names and commands with control or bidi characters', () => {
    expect(templateNameProblem('Build box: 4 cores, 8 GB')).toBeNull();
    expect(templateNameProblem('a\u202eb')).not.toBeNull();
    expect(commandProblem('', true, 'command line')).toBe('Type the command line.');
    expect(commandProblem('', false, 'working directory')).toBeNull();
    expect(commandProblem('cmd\n/c', true, 'command line')).toContain('control');
  });
});

describe('pickProcesses', () => {
  const all = [
    { pid: 40, createTime: '4', name: 'notepad.exe', inJob: false },
    { pid: 12, createTime: '1', name: 'Code.exe', inJob: true },
    { pid: 13, createTime: '2', name: 'code.exe', inJob: true },
  ];
  it('matches a PID exactly or part of the name, sorted by name then PID, bounded', () => {
    expect(pickProcesses(all, 'code').shown.map((p) => p.pid)).toEqual([12, 13]);
    expect(pickProcesses(all, '40').shown.map((p) => p.pid)).toEqual([40]);
    expect(pickProcesses(all, '4').shown).toEqual([]);
    expect(pickProcesses(all, '', 2)).toMatchObject({ total: 3, shown: [{ pid: 12 }, { pid: 13 }] });
    const withCommands = [...all, { pid: 50, createTime: '5', name: 'node.exe', inJob: false, commandLine: 'node.exe C:\\srv\\queue-worker.js' }];
    expect(pickProcesses(withCommands, 'queue-worker').shown.map((p) => p.pid)).toEqual([50]);
  });
});

describe('limits in words', () => {
  it('marks rows where what Windows holds differs from what was asked', () => {
    const asked = { ...noLimits(), cpuRate: { kind: 'hardCap' as const, percent: 20 }, killOnJobClose: true };
    const held = { ...noLimits(), killOnJobClose: true };
    const rows = limitRows(asked, held);
    expect(rows.find((r) => r.key === 'cpuRate')).toMatchObject({ asked: 'hard cap 20%', held: 'not set', differs: true });
    expect(rows.find((r) => r.key === 'killOnJobClose')).toMatchObject({ asked: 'yes', held: 'yes', differs: false });
    expect(limitRows(null, held).every((r) => !r.differs && r.asked === '—')).toBe(true);
  });
  it('summarizes what a template sets', () => {
    expect(describeLimits({ ...noLimits(), affinity: [0, 1, 2, 3, 6], jobUserTimeMs: 1_800_000, jobMemoryBytes: 8 * 1024 ** 3 })).toEqual([
      'Memory of the job: 8.00 GB',
      'User CPU time of the job: 30 min',
      'Affinity: CPU 0-3, 6',
    ]);
    expect(formatProcessors([5])).toBe('5');
  });
});

describe('job table and toasts', () => {
  it('sorts by a column with missing values last, else by name', () => {
    const jobs = [testJob('b', { accounting: testAccounting({ userTimeMs: 5 }) }), testJob('a', { accounting: null }), testJob('C', { accounting: testAccounting({ userTimeMs: 9 }) })];
    expect(sortJobs(jobs, null).map((j) => j.name)).toEqual(['a', 'b', 'C']);
    expect(sortJobs(jobs, { column: 'cpuTime', desc: true }).map((j) => j.name)).toEqual(['C', 'b', 'a']);
    expect(sortJobs(jobs, { column: 'cpuTime', desc: false }).map((j) => j.name)).toEqual(['b', 'C', 'a']);
  });
  it('raises limit hits as alerts and the rest politely', () => {
    expect(eventToast(testEvent(1, 'build', 'jobMemoryLimit', { pid: 42, text: 'Over 8 GB' }))).toEqual({ tone: 'error', title: 'Job build: Job memory limit hit (PID 42)', message: 'Over 8 GB' });
    expect(eventToast(testEvent(2, 'build', 'activeProcessZero')).tone).toBe('info');
  });
});
