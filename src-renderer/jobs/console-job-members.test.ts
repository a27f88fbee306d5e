import { describe, expect, it } from 'vitest';
import { testRow } from '../processes/test-processes';
import { jobMembership, membersOf, runJobName, sameMembers } from './console-job-members';
import { testJob } from './test-jobs';

const member = (pid: number, createTime: string | null) => ({ pid, createTime, name: `proc${pid}.exe`, cpuPercent: null, workingSetBytes: null });

describe('console job members', () => {
  it('indexes every job member by PID, keeping both jobs of a process in nested jobs', () => {
    const members = membersOf([
      testJob('build', { members: [member(10, '1'), member(11, null)] }),
      testJob('outer', { origin: 'opened', members: [member(10, '1')] }),
    ]);
    expect(members.get(10)).toEqual([
      { name: 'build', origin: 'console', createTime: '1' },
      { name: 'outer', origin: 'opened', createTime: '1' },
    ]);
    expect(members.get(11)).toEqual([{ name: 'build', origin: 'console', createTime: null }]);
    expect(members.has(12)).toBe(false);
  });

  it("adds the running Runs' jobs, named after their command line, as the console's own", () => {
    const long = `"C:\\Program Files\\Build Tools\\msbuild.exe" /m /p:Configuration=Release all.sln`;
    const members = membersOf([testJob('build', { members: [member(10, '1')] })], [
      { runId: '0123456789abcdef', commandLine: 'cmd /c build.bat', members: [{ pid: 20, createTime: '5' }, { pid: 21, createTime: null }] },
      { runId: 'fedcba9876543210', commandLine: long, members: [{ pid: 30, createTime: '7' }] },
    ]);
    expect(members.get(20)).toEqual([{ name: 'run "cmd /c build.bat"', origin: 'run', createTime: '5' }]);
    expect(members.get(21)?.[0]?.origin).toBe('run');
    expect(members.get(30)?.[0]?.name).toBe(`run "${long.slice(0, 39)}…"`);
    expect(runJobName('  notepad.exe  ')).toBe('run "notepad.exe"');
    // A run's member is the console's, not "another program's job".
    expect(jobMembership(testRow(20, { inJob: true, createTime: '5' }), members)).toMatchObject({ kind: 'console' });
  });

  it('tells equal membership from changed membership', () => {
    const a = membersOf([testJob('build', { members: [member(10, '1')] })]);
    expect(sameMembers(a, membersOf([testJob('build', { members: [member(10, '1')], accounting: null })]))).toBe(true);
    expect(sameMembers(a, membersOf([testJob('build', { members: [member(10, '2')] })]))).toBe(false);
    expect(sameMembers(a, membersOf([testJob('tests', { members: [member(10, '1')] })]))).toBe(false);
    expect(sameMembers(a, membersOf([testJob('build', { members: [member(10, '1'), member(11, '1')] })]))).toBe(false);
    expect(sameMembers(a, membersOf([]))).toBe(false);
  });

  it('classifies a process: console job, another job, no job, unknown, or in a job not yet placed', () => {
    const inBuild = testRow(10, { inJob: true });
    const members = membersOf([testJob('build', { members: [member(10, inBuild.createTime)] })]);
    expect(jobMembership(inBuild, members)).toMatchObject({ kind: 'console', jobs: [{ name: 'build' }] });
    expect(jobMembership(testRow(20, { inJob: true }), members)).toEqual({ kind: 'external' });
    expect(jobMembership(testRow(20, { inJob: false }), members)).toEqual({ kind: 'none' });
    expect(jobMembership(testRow(20, { inJob: null }), members)).toEqual({ kind: 'unknown' });
    expect(jobMembership(testRow(20, { inJob: true }), null)).toEqual({ kind: 'inJob' });
    // A nonzero kernel job id means a job even where IsProcessInJob could not be asked.
    expect(jobMembership(testRow(20, { inJob: null, jobObjectId: 77 }), members)).toEqual({ kind: 'external' });
  });

  it('does not take a process that reused a member PID for the member', () => {
    const members = membersOf([testJob('build', { members: [member(10, '5')] })]);
    expect(jobMembership(testRow(10, { inJob: true, createTime: '6' }), members)).toEqual({ kind: 'external' });
    expect(jobMembership(testRow(10, { inJob: false, createTime: '6' }), members)).toEqual({ kind: 'none' });
    // Main could not read the member's creation time: the PID alone decides.
    const unknownTime = membersOf([testJob('build', { members: [member(10, null)] })]);
    expect(jobMembership(testRow(10, { inJob: true, createTime: '6' }), unknownTime)).toMatchObject({ kind: 'console' });
  });
});
