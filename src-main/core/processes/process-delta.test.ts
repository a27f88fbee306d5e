import { describe, expect, it } from 'vitest';
import { PROCESS_NUMBER_FIELDS } from '../../../src-preload/contract/process-fields';
import type { ProcessRowValue } from '../../../src-preload/contract/schemas';
import { encodeChangedNumbers } from './process-delta';

const row = (over: Partial<ProcessRowValue> = {}): ProcessRowValue => ({
  pid: 7, parentPid: 4, createTime: '1', startTime: 0, name: 'a.exe', sessionId: 1, cpuPercent: null, workingSetBytes: 1, privateBytes: 2, pagefileBytes: 3,
  threadCount: 4, handleCount: 5, userTimeMs: 6, kernelTimeMs: 7, basePriority: 8, ioReadBytes: 9, ioWriteBytes: 10, ioOtherBytes: 11, diskReadBytes: null, diskWriteBytes: null, jobObjectId: null, suspendedThreads: 0, hungWindows: 0,
  imagePath: null, commandLine: null, user: null, inJob: null, detailsError: null, critical: false, ...over,
});

describe('encodeChangedNumbers', () => {
  it('is null when nothing changed', () => {
    expect(encodeChangedNumbers(row(), row())).toBeNull();
  });
  it('encodes changed fields by bit, values in field order, null CPU included', () => {
    const bit = (f: (typeof PROCESS_NUMBER_FIELDS)[number]) => 1 << PROCESS_NUMBER_FIELDS.indexOf(f);
    expect(encodeChangedNumbers(row({ cpuPercent: 5 }), row({ cpuPercent: null, ioOtherBytes: 99, threadCount: 6 }))).toEqual([
      7,
      bit('cpuPercent') | bit('threadCount') | bit('ioOtherBytes'),
      null,
      6,
      99,
    ]);
  });
  it('fits every field in a 32-bit mask', () => {
    expect(PROCESS_NUMBER_FIELDS.length).toBeLessThanOrEqual(31);
  });
});

describe('encodeChangedNumbers, hung windows', () => {
  it('carries a window turning hung and the field becoming unknown', () => {
    const bit = 1 << PROCESS_NUMBER_FIELDS.indexOf('hungWindows');
    expect(encodeChangedNumbers(row(), row({ hungWindows: 1 }))).toEqual([7, bit, 1]);
    expect(encodeChangedNumbers(row({ hungWindows: 1 }), row({ hungWindows: null }))).toEqual([7, bit, null]);
  });
});
