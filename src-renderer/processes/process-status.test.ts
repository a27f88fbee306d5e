import { describe, expect, it } from 'vitest';
import { membersOf } from '../jobs/console-job-members';
import { testJob } from '../jobs/test-jobs';
import { COLUMN_SPECS } from './process-columns';
import { isNotResponding, isSuspended, notRespondingUnknownReason, statusParts, statusText, statusUnknowns, suspendedUnknownReason } from './process-status';
import { testRow } from './test-processes';

const member = (pid: number, createTime: string | null) => ({ pid, createTime, name: `proc${pid}.exe`, cpuPercent: null, workingSetBytes: null });

describe('process status', () => {
  it('is suspended only when it has threads and every one is suspended', () => {
    expect(isSuspended({ threadCount: 3, suspendedThreads: 3 })).toBe(true);
    expect(isSuspended({ threadCount: 3, suspendedThreads: 2 })).toBe(false);
    expect(isSuspended({ threadCount: 0, suspendedThreads: 0 })).toBe(false);
    expect(isSuspended({ threadCount: 3, suspendedThreads: null })).toBeNull();
  });

  it('reads in words: Suspended first, then the job by name; Running when neither', () => {
    const inBuild = testRow(10, { inJob: true, threadCount: 2, suspendedThreads: 2 });
    const jobs = membersOf([testJob('build', { members: [member(10, inBuild.createTime)] })]);
    expect(statusText(inBuild, jobs)).toBe('Suspended, In job build');
    expect(statusParts(inBuild, jobs).map((p) => p.kind)).toEqual(['suspended', 'job']);
    expect(statusText(testRow(20, { inJob: true }), jobs)).toBe('In other job');
    expect(statusText(testRow(20, { inJob: true }), null)).toBe('In job');
    expect(statusText(testRow(30), jobs)).toBe('Running');
    expect(statusText(testRow(30, { threadCount: 4, suspendedThreads: 1 }), jobs)).toBe('Running');
  });

  it('where thread states are not reported: the job still shows, and with nothing known the reason is given', () => {
    const reason = 'Wine does not report thread states (so whether a process is suspended)';
    const wine = testRow(30, { suspendedThreads: null });
    expect(statusText(wine, null)).toBeNull();
    expect(suspendedUnknownReason(wine, { suspendedThreads: reason })).toBe(reason);
    expect(statusText({ ...wine, inJob: true }, null)).toBe('In job');
    expect(suspendedUnknownReason(testRow(30), { suspendedThreads: reason })).toBeNull();
    // The column: "—" on screen, an empty CSV cell (null value), never "Running".
    expect(COLUMN_SPECS.status.text(wine, null)).toBe('—');
    expect(COLUMN_SPECS.status.value(wine)).toBeNull();
    expect(COLUMN_SPECS.status.dynamic).toBe(true);
  });

  it('says Not responding when a visible window is hung, after Suspended and before the job; nothing for a windowless process', () => {
    expect(isNotResponding({ hungWindows: 1 })).toBe(true);
    expect(isNotResponding({ hungWindows: 0 })).toBe(false);
    expect(isNotResponding({ hungWindows: null })).toBeNull();
    const frozen = testRow(40, { hungWindows: 1 });
    expect(statusText(frozen, null)).toBe('Not responding');
    expect(statusParts(frozen, null)[0]?.title).toBe('Not responding: one of its windows has not taken a message for 5 seconds or more.');
    expect(statusParts(testRow(40, { hungWindows: 2 }), null)[0]?.title).toMatch(/^Not responding: 2 of its windows have/);
    const all = testRow(41, { hungWindows: 1, inJob: true, threadCount: 2, suspendedThreads: 2 });
    expect(statusParts(all, null).map((p) => p.kind)).toEqual(['suspended', 'notResponding', 'job']);
    // No hung window (or no window at all): no part of its own, the process just reads Running.
    expect(statusText(testRow(42, { hungWindows: 0 }), null)).toBe('Running');
  });

  it('where the windows could not be listed: the reason, beside the other unknowns, and still Running if not suspended', () => {
    const reason = 'Whether a process is not responding (listing its windows): error 5';
    const unlisted = testRow(43, { hungWindows: null });
    expect(notRespondingUnknownReason(unlisted, { hungWindows: reason })).toBe(reason);
    expect(notRespondingUnknownReason(testRow(43), { hungWindows: reason })).toBeNull();
    expect(statusUnknowns(unlisted, { hungWindows: reason })).toEqual([`Not responding or not: unknown (${reason}).`]);
    const both = testRow(44, { hungWindows: null, suspendedThreads: null });
    expect(statusUnknowns(both, { hungWindows: reason, suspendedThreads: 'no states' })).toEqual(['Suspended or not: unknown (no states).', `Not responding or not: unknown (${reason}).`]);
    expect(statusText(both, null)).toBeNull();
  });
});
