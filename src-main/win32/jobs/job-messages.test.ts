import { describe, expect, test } from 'vitest';
import { jobMessageOf } from './job-messages';

describe('jobMessageOf', () => {
  test('process messages carry the PID from the overlapped value', () => {
    expect(jobMessageOf(6, 4242n)).toEqual({ kind: 'newProcess', code: 6, pid: 4242 });
    expect(jobMessageOf(7, 4242n)).toEqual({ kind: 'exitProcess', code: 7, pid: 4242 });
    expect(jobMessageOf(8, 12)).toEqual({ kind: 'abnormalExitProcess', code: 8, pid: 12 });
    expect(jobMessageOf(9, 99n)).toEqual({ kind: 'processMemoryLimit', code: 9, pid: 99 });
    expect(jobMessageOf(10, 98n)).toEqual({ kind: 'jobMemoryLimit', code: 10, pid: 98 });
    expect(jobMessageOf(2, 97n)).toEqual({ kind: 'endOfProcessTime', code: 2, pid: 97 });
  });

  test('job-wide messages have no PID, whatever the overlapped value', () => {
    expect(jobMessageOf(4, null)).toEqual({ kind: 'activeProcessZero', code: 4, pid: null });
    expect(jobMessageOf(4, 77n)).toEqual({ kind: 'activeProcessZero', code: 4, pid: null });
    expect(jobMessageOf(3, null)).toEqual({ kind: 'activeProcessLimit', code: 3, pid: null });
    expect(jobMessageOf(1, null)).toEqual({ kind: 'endOfJobTime', code: 1, pid: null });
    expect(jobMessageOf(11, null)).toEqual({ kind: 'notificationLimit', code: 11, pid: null });
  });

  test('a code we have no name for is "other", with its raw value kept', () => {
    expect(jobMessageOf(12, null)).toEqual({ kind: 'other', code: 12, pid: null }); // JOB_CYCLE_TIME_LIMIT
    expect(jobMessageOf(5, null)).toEqual({ kind: 'other', code: 5, pid: null });
  });

  test('a process message without a value has no PID', () => {
    expect(jobMessageOf(7, null).pid).toBeNull();
  });
});
