import { describe, expect, test } from 'vitest';
import { STATUS_BUFFER_OVERFLOW, STATUS_BUFFER_TOO_SMALL, STATUS_INFO_LENGTH_MISMATCH, STATUS_INVALID_INFO_CLASS } from '../ntdll';
import { isBufferTooSmall } from './command-line';

describe('isBufferTooSmall', () => {
  test('every "too small" status means retry with the returned length', () => {
    expect([STATUS_INFO_LENGTH_MISMATCH, STATUS_BUFFER_OVERFLOW, STATUS_BUFFER_TOO_SMALL].map(isBufferTooSmall)).toEqual([true, true, true]);
    // As NTSTATUS is declared (int32), the values arrive signed: 0x80000005 is -2147483643.
    expect(STATUS_BUFFER_OVERFLOW).toBe(-2147483643);
  });
  test('other statuses are not', () => {
    expect([0, STATUS_INVALID_INFO_CLASS, 0xc0000022 | 0].map(isBufferTooSmall)).toEqual([false, false, false]);
  });
});
