import { describe, expect, it } from 'vitest';
import { unreportedProcessFields } from './unreported-fields';
import { raw } from './test-doubles';

const CONSOLE = 300;
const context = (underWine: boolean) => ({ consolePids: new Set([CONSOLE]), underWine });
/** What Wine 8 answers (seen under the rig): private bytes and I/O 0, base priority 2 everywhere, no extension, no thread states. */
const wineLike = (pid: number) =>
  raw(pid, 1, BigInt(pid), { privateBytes: 0, basePriority: 2, workingSetBytes: 16 * 1024 * 1024, pagefileBytes: 8 * 1024 * 1024, threadStateSeen: false });

describe('unreportedProcessFields', () => {
  it('under Wine: private bytes, base priority, the I/O counters, disk bytes, job id and thread states are not reported, each with the reason', () => {
    const reasons = unreportedProcessFields([wineLike(32), wineLike(CONSOLE), wineLike(56)], context(true));
    expect(reasons).toEqual({
      privateBytes: 'Wine does not report private bytes',
      basePriority: 'Wine does not report base priority',
      ioReadBytes: 'Wine does not report I/O read bytes',
      ioWriteBytes: 'Wine does not report I/O write bytes',
      ioOtherBytes: 'Wine does not report I/O other bytes',
      diskReadBytes: 'Wine does not report disk read bytes',
      diskWriteBytes: 'Wine does not report disk write bytes',
      jobObjectId: 'Wine does not report the job id of a process',
      suspendedThreads: 'Wine does not report thread states (so whether a process is suspended)',
    });
  });

  it('thread states: one thread with a state anywhere proves them reported; without the console in the snapshot nothing is decided', () => {
    const windowsLike = (pid: number) => ({ ...wineLike(pid), privateBytes: 10, basePriority: 8, ioReadBytes: 1, extension: { diskReadBytes: 0, diskWriteBytes: 0, jobObjectId: 0 } });
    expect(unreportedProcessFields([windowsLike(32), { ...windowsLike(CONSOLE), threadStateSeen: true }], context(false))).toEqual({});
    expect(unreportedProcessFields([windowsLike(32), windowsLike(CONSOLE)], context(false))).toEqual({
      suspendedThreads: 'This system does not report thread states (so whether a process is suspended)',
    });
    expect(unreportedProcessFields([windowsLike(32)], context(false))).toEqual({});
  });

  it('one process that reports a value proves the field is filled in: zeros elsewhere are real', () => {
    const withExtension = { ...wineLike(CONSOLE), threadStateSeen: true, privateBytes: 4096, basePriority: 8, ioOtherBytes: 1, extension: { diskReadBytes: 0, diskWriteBytes: 0, jobObjectId: 0 } };
    expect(unreportedProcessFields([wineLike(32), withExtension, wineLike(56)], context(false))).toEqual({});
  });

  it('decides nothing without a witness: no resident process for private bytes, not the console itself for I/O', () => {
    const idle = raw(0, 0, 0n, { workingSetBytes: 0, privateBytes: 0, basePriority: 0, extension: { diskReadBytes: 0, diskWriteBytes: 0, jobObjectId: 0 } });
    expect(unreportedProcessFields([idle], context(false))).toEqual({});
    const elsewhere = { ...wineLike(32), privateBytes: 10, basePriority: 8, extension: { diskReadBytes: 0, diskWriteBytes: 0, jobObjectId: 0 } };
    expect(unreportedProcessFields([elsewhere], context(false))).toEqual({});
    expect(unreportedProcessFields([], context(true))).toEqual({});
  });

  it('on Windows the reason names the system, and the missing extension names the build that brings it', () => {
    const old = { ...wineLike(CONSOLE), threadStateSeen: true, privateBytes: 4096, basePriority: 8, ioReadBytes: 10 };
    expect(unreportedProcessFields([old], context(false))).toEqual({
      diskReadBytes: 'This system does not report disk read bytes (they come with Windows 10 version 1709 and later)',
      diskWriteBytes: 'This system does not report disk write bytes (they come with Windows 10 version 1709 and later)',
      jobObjectId: 'This system does not report the job id of a process (they come with Windows 10 version 1709 and later)',
    });
  });
});
