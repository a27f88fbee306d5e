import { describe, expect, test } from 'vitest';
import { StillStartingError } from './command-line';
import type { DetailReaders } from './details';
import { collectDetails } from './details';

const allRead: DetailReaders = {
  imagePath: () => 'C:\\bin\\tool.exe',
  commandLine: () => 'tool.exe --flag',
  user: () => 'HOST\\admin',
  inJob: () => false,
  breakOnTermination: () => false,
};

describe('collectDetails', () => {
  test('every field read: complete, no error', () => {
    expect(collectDetails(allRead)).toEqual({
      imagePath: 'C:\\bin\\tool.exe',
      commandLine: 'tool.exe --flag',
      user: 'HOST\\admin',
      inJob: false,
      breakOnTermination: false,
      error: null,
      incomplete: false,
    });
  });

  test('a critical flag that cannot be read is null and no error; a critical process reads true', () => {
    expect(collectDetails({ ...allRead, breakOnTermination: () => null })).toMatchObject({ breakOnTermination: null, error: null });
    const thrown = collectDetails({
      ...allRead,
      breakOnTermination: () => {
        throw new Error('NtQueryInformationProcess(ProcessBreakOnTermination) failed (NTSTATUS 0xC0000022)');
      },
    });
    expect(thrown).toMatchObject({ breakOnTermination: null, error: null, incomplete: false, imagePath: 'C:\\bin\\tool.exe' });
    expect(collectDetails({ ...allRead, breakOnTermination: () => true }).breakOnTermination).toBe(true);
  });

  test('a process caught still starting is incomplete, not an error, and the other fields are kept', () => {
    const details = collectDetails({
      ...allRead,
      commandLine: () => {
        throw new StillStartingError();
      },
    });
    expect(details).toMatchObject({ imagePath: 'C:\\bin\\tool.exe', commandLine: null, user: 'HOST\\admin', error: null, incomplete: true });
  });

  test('a real failure is an error naming the field, and not incomplete', () => {
    // Win32Error needs FormatMessageW (Windows); any thrown error is handled the same way.
    const failure = new Error('ReadProcessMemory failed: Only part of a ReadProcessMemory request was completed. (error 299)');
    const details = collectDetails({
      ...allRead,
      commandLine: () => {
        throw failure;
      },
      inJob: () => {
        throw new Error('IsProcessInJob failed (error 5)');
      },
    });
    expect(details.incomplete).toBe(false);
    expect(details.commandLine).toBeNull();
    expect(details.inJob).toBeNull();
    expect(details.error).toBe(`command line: ${failure.message}; job: IsProcessInJob failed (error 5)`);
  });

  test('still starting and a failure together: both said', () => {
    const details = collectDetails({
      ...allRead,
      commandLine: () => {
        throw new StillStartingError();
      },
      user: () => {
        throw new Error('OpenProcessToken failed (error 5)');
      },
    });
    expect(details).toMatchObject({ incomplete: true, error: 'user: OpenProcessToken failed (error 5)' });
  });
});
