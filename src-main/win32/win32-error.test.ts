import { describe, expect, test } from 'vitest';
import { ntStatusFailureMessage, ntSuccess, win32FailureMessage } from './win32-error';

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
