import { describe, expect, test } from 'vitest';
import { errorKindFor, hresultFailureMessage, ntStatusFailureMessage, ntSuccess, win32CodeOfHResult, win32FailureMessage } from './win32-error';

describe('Win32 failure messages', () => {
  test('name the API, the system text and the code', () => {
    expect(win32FailureMessage('CloseHandle', 'The handle is invalid.', 6)).toBe('CloseHandle failed: The handle is invalid. (error 6)');
  });

  test('show an NTSTATUS as unsigned, zero-padded upper-case hex', () => {
    expect(ntStatusFailureMessage('NtQuerySystemInformation', 'Access is denied.', 0xc0000022 | 0)).toBe(
      'NtQuerySystemInformation failed: Access is denied. (NTSTATUS 0xC0000022)',
    );
    expect(ntStatusFailureMessage('X', 'text', 0x103)).toBe('X failed: text (NTSTATUS 0x00000103)');
  });

  test('NT_SUCCESS treats statuses as signed LONGs', () => {
    expect(ntSuccess(0)).toBe(true);
    expect(ntSuccess(0x103)).toBe(true); // STATUS_PENDING is informational
    expect(ntSuccess(0xc0000004)).toBe(false);
    expect(ntSuccess(0xc0000004 | 0)).toBe(false);
    expect(ntSuccess(0x80000005)).toBe(false); // warnings are not success either
  });
});

describe('error kinds', () => {
  test('a missing right or privilege is ACCESS_DENIED, as an error code or as an NTSTATUS', () => {
    expect(errorKindFor(5)).toBe('ACCESS_DENIED');
    expect(errorKindFor(1314)).toBe('ACCESS_DENIED'); // ERROR_PRIVILEGE_NOT_HELD
    expect(errorKindFor(5, 0xc0000022)).toBe('ACCESS_DENIED');
    // The statuses count even if a mapping ever said otherwise, and signed or unsigned alike.
    expect(errorKindFor(317, 0xc0000022 | 0)).toBe('ACCESS_DENIED'); // STATUS_ACCESS_DENIED
    expect(errorKindFor(317, 0xc0000061)).toBe('ACCESS_DENIED'); // STATUS_PRIVILEGE_NOT_HELD
    expect(errorKindFor(1314 - 2 ** 32)).toBe('ACCESS_DENIED');
  });

  test('no such service (1060) is NOT_FOUND; the SCM\'s other answers stay WIN32', () => {
    expect(errorKindFor(1060)).toBe('NOT_FOUND');
    for (const code of [1056, 1062, 1052, 1058, 1072, 1073, 1061, 1053]) expect(errorKindFor(code)).toBe('WIN32');
  });

  test('everything else is WIN32', () => {
    for (const code of [0, 2, 6, 87, 1307, 0xc0000022]) expect(errorKindFor(code)).toBe('WIN32');
    expect(errorKindFor(24, 0xc0000004)).toBe('WIN32');
    expect(errorKindFor(1, 0xc0000023)).toBe('WIN32');
  });

  test('an HRESULT wrapping a Win32 error gives that error; any other stays itself', () => {
    expect(win32CodeOfHResult(0x80070005 | 0)).toBe(5); // E_ACCESSDENIED
    expect(win32CodeOfHResult(0x80070002)).toBe(2);
    expect(win32CodeOfHResult(0x80004005)).toBe(0x80004005); // E_FAIL
    expect(win32CodeOfHResult(0x00070005)).toBe(0x00070005); // not a failure
    expect(hresultFailureMessage('SHGetKnownFolderPath', 'text', 0x80070002 | 0)).toBe('SHGetKnownFolderPath failed: text (HRESULT 0x80070002)');
  });
});
