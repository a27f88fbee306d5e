import { describe, expect, it } from 'vitest';
import { JobAccountingValue } from '../../../src-preload/contract/job-schemas';
import { AccountingReader } from './accounting-unreported';
import type { JobAccounting } from './job-system';

/** What Wine 8 answers for a job with running members: process counts right, the rest 0, I/O class error 1. */
const wineAnswer = (over: Partial<JobAccounting> = {}): JobAccounting => ({
  activeProcesses: 1,
  totalProcesses: 2,
  terminatedProcesses: 0,
  userTimeMs: 0,
  kernelTimeMs: 0,
  pageFaults: 0,
  readOperations: null,
  writeOperations: null,
  otherOperations: null,
  readBytes: null,
  writeBytes: null,
  otherBytes: null,
  ioUnreadable: { win32Code: 1, message: 'QueryInformationJobObject(x, accounting) failed: Incorrect function. (error 1)' },
  peakProcessMemoryBytes: 0,
  peakJobMemoryBytes: 0,
  ...over,
});
const busy = [{ cpuPercent: 12.5, workingSetBytes: 8 << 20 }];

describe('AccountingReader', () => {
  it('under Wine: CPU times, page faults, I/O and peaks are null with the reason, never 0; the counts stand', () => {
    const shown = JobAccountingValue.parse(new AccountingReader({ underWine: true }).shown(wineAnswer(), busy));
    expect(shown).toMatchObject({ activeProcesses: 1, totalProcesses: 2, userTimeMs: null, kernelTimeMs: null, pageFaults: null, readBytes: null, writeOperations: null, peakJobMemoryBytes: null, peakProcessMemoryBytes: null });
    expect(shown.unreported).toEqual({
      userTimeMs: 'Wine does not report job CPU times',
      kernelTimeMs: 'Wine does not report job CPU times',
      pageFaults: 'Wine does not report job page faults',
      readOperations: 'Wine does not report job I/O accounting (error 1)',
      writeOperations: 'Wine does not report job I/O accounting (error 1)',
      otherOperations: 'Wine does not report job I/O accounting (error 1)',
      readBytes: 'Wine does not report job I/O accounting (error 1)',
      writeBytes: 'Wine does not report job I/O accounting (error 1)',
      otherBytes: 'Wine does not report job I/O accounting (error 1)',
      peakProcessMemoryBytes: 'Wine does not report job peak memory',
      peakJobMemoryBytes: 'Wine does not report job peak memory',
    });
  });

  it('keeps a zero real until there is evidence: idle members, or no members at all', () => {
    const reader = new AccountingReader({ underWine: false });
    const idle = reader.shown(wineAnswer({ ioUnreadable: null, readBytes: 0 }), [{ cpuPercent: 0, workingSetBytes: null }]);
    expect(idle).toMatchObject({ userTimeMs: 0, kernelTimeMs: 0, pageFaults: 0, peakJobMemoryBytes: 0, readBytes: 0 });
    expect(idle.unreported).toEqual({});
    expect(reader.shown(wineAnswer({ ioUnreadable: null }), []).unreported).toEqual({});
  });

  it('takes any CPU time of a member that started inside the job as evidence, but not of one added later', () => {
    const sleeper = { cpuPercent: 0, workingSetBytes: null, cpuTimeMs: 20 };
    expect(new AccountingReader({ underWine: true }).shown(wineAnswer(), [{ ...sleeper, bornInJob: true }]).userTimeMs).toBeNull();
    expect(new AccountingReader({ underWine: true }).shown(wineAnswer(), [{ ...sleeper, bornInJob: false }]).userTimeMs).toBe(0);
  });

  it('remembers what the system does not report for every job, until a figure comes back non-zero', () => {
    const reader = new AccountingReader({ underWine: true });
    reader.shown(wineAnswer(), busy);
    // Another job whose members have exited: no evidence of its own, but the system is the same.
    expect(reader.shown(wineAnswer(), []).userTimeMs).toBeNull();
    const reported = reader.shown(wineAnswer({ userTimeMs: 150, kernelTimeMs: 0, peakJobMemoryBytes: 4096 }), []);
    expect(reported).toMatchObject({ userTimeMs: 150, kernelTimeMs: 0, peakJobMemoryBytes: 4096 });
    expect(reported.unreported.userTimeMs).toBeUndefined();
  });

  it('on Windows a failed I/O class keeps its error; access denied reads as such', () => {
    const reader = new AccountingReader({ underWine: false });
    const failed = reader.shown(wineAnswer({ userTimeMs: 10, peakJobMemoryBytes: 1 << 20, ioUnreadable: { win32Code: 87, message: 'The parameter is incorrect. (error 87)' } }), busy);
    expect(failed.unreported.readBytes).toBe('This system does not report job I/O accounting (error 87: The parameter is incorrect. (error 87))');
    const denied = reader.shown(wineAnswer({ userTimeMs: 10, peakJobMemoryBytes: 1 << 20, ioUnreadable: { win32Code: 5, message: 'Access is denied.' } }), busy);
    expect(denied.unreported.readBytes).toBe('I/O accounting: access denied (5)');
    expect(denied.userTimeMs).toBe(10);
  });
});
