import { describe, expect, it } from 'vitest';
import type { JobLimitsFormValue } from './job-schemas';
import { limitsBelowUsage, usageWarningLines, type MemberUsage } from './limit-usage';

const noLimits = (): JobLimitsFormValue => ({
  processMemoryBytes: null,
  jobMemoryBytes: null,
  activeProcesses: null,
  processUserTimeMs: null,
  jobUserTimeMs: null,
  cpuRate: null,
  affinity: null,
  priorityClass: null,
  schedulingClass: null,
  workingSet: null,
  killOnJobClose: false,
  dieOnUnhandledException: false,
  breakawayOk: false,
  silentBreakawayOk: false,
  uiRestrictions: [],
});

const MB = 1024 * 1024;
const member = (pid: number, over: Partial<MemberUsage> = {}): MemberUsage => ({ pid, name: `worker${pid}.exe`, privateBytes: 100 * MB, workingSetBytes: 50 * MB, userTimeMs: 1000, ...over });
const four = [member(1), member(2), member(3, { privateBytes: 268 * MB }), member(4)];

describe('limitsBelowUsage', () => {
  it('warns of 3 active processes allowed with 4 running: new ones fail, running ones stay', () => {
    const [w] = limitsBelowUsage({ ...noLimits(), activeProcesses: 3 }, four, 4);
    expect(w?.field).toBe('activeProcesses');
    expect(w?.text).toBe('4 processes run in the job; the limit is 3.');
    expect(w?.members).toHaveLength(4);
    expect(w?.consequence).toMatch(/does not end the running ones.*new process.*fails.*ActiveProcessLimit/);
    expect(limitsBelowUsage({ ...noLimits(), activeProcesses: 4 }, four, 4)).toEqual([]);
  });

  it('names the member over 256 MB per process (268 MB committed)', () => {
    const [w] = limitsBelowUsage({ ...noLimits(), processMemoryBytes: 256 * MB }, four);
    expect(w).toMatchObject({ field: 'processMemory', text: '1 member has more memory committed than 256 MB per process.', members: ['worker3.exe (PID 3): 268 MB'] });
    expect(w?.consequence).toMatch(/next commit.*fails.*ProcessMemoryLimit/);
  });

  it('sums the members for the job memory limit, biggest first, saying when some are not reported', () => {
    const members = [...four, member(5, { privateBytes: null })];
    const [w] = limitsBelowUsage({ ...noLimits(), jobMemoryBytes: 512 * MB }, members);
    expect(w?.text).toBe('The members have 568 MB committed together (4 of 5 reported), over 512 MB for the job.');
    expect(w?.members[0]).toBe('worker3.exe (PID 3): 268 MB');
  });

  it('says members over a per-process CPU time limit end soon after Apply; a job time limit counts from Apply', () => {
    const [w] = limitsBelowUsage({ ...noLimits(), processUserTimeMs: 500, jobUserTimeMs: 1 }, [member(1), member(2, { userTimeMs: 100 })]);
    expect(w?.field).toBe('processUserTime');
    expect(w?.members).toEqual(['worker1.exe (PID 1): 1.0 s']);
    expect(w?.consequence).toMatch(/terminates every process over it/);
    expect(limitsBelowUsage({ ...noLimits(), jobUserTimeMs: 1 }, four)).toEqual([]);
  });

  it('warns of a working set maximum below a member’s working set', () => {
    const [w] = limitsBelowUsage({ ...noLimits(), workingSet: { minBytes: MB, maxBytes: 40 * MB } }, [member(1), member(2, { workingSetBytes: 10 * MB })]);
    expect(w).toMatchObject({ field: 'workingSet', members: ['worker1.exe (PID 1): 50 MB'] });
    expect(w?.consequence).toMatch(/trims them/);
  });

  it('makes no warning from a figure the system did not report', () => {
    const unknown = [member(1, { privateBytes: null, workingSetBytes: null, userTimeMs: null })];
    expect(limitsBelowUsage({ ...noLimits(), processMemoryBytes: MB, jobMemoryBytes: MB, processUserTimeMs: 1, workingSet: { minBytes: MB, maxBytes: MB } }, unknown)).toEqual([]);
  });

  it('reads as one paragraph per warning for the confirmation', () => {
    const lines = usageWarningLines(limitsBelowUsage({ ...noLimits(), processMemoryBytes: 256 * MB }, four));
    expect(lines).toEqual([expect.stringMatching(/^1 member has more memory committed than 256 MB per process\. worker3\.exe \(PID 3\): 268 MB\. Windows does not end them/)]);
  });
});
