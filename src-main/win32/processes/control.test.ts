import { describe, expect, test } from 'vitest';
import { AppError } from '../../core/app-error';
import type { HandleCloser } from '../handles';
import { OwnedHandle, closeEach, handleLedger } from '../handles';
import { PRIORITY_CLASS_VALUES, actOnVerified, affinityMaskProblem } from './control';
import { quoteArgument } from './launch';
import type { VerifiedTarget } from './verified-open';
import { describeProcess, identityError } from './verified-open';

describe('affinity masks', () => {
  test('a subset of the system mask is accepted; none or foreign bits are refused', () => {
    expect(affinityMaskProblem(0b01n, 0b11n)).toBeNull();
    expect(affinityMaskProblem(0b11n, 0b11n)).toBeNull();
    expect(affinityMaskProblem(0n, 0b11n)).toMatch(/at least one processor/);
    expect(affinityMaskProblem(0b101n, 0b11n)).toMatch(/0x5 .*system mask 0x3/);
    expect(affinityMaskProblem(1n << 63n, (1n << 64n) - 1n)).toBeNull();
  });
});

describe('identity checks', () => {
  const running = { pid: 8, createTime: 100n, name: 'a.exe' } as Parameters<typeof identityError>[1];
  test('gone is NOT_FOUND, another creation time is CONFLICT, the same process passes', () => {
    expect(identityError({ pid: 8, createTime: 100n }, undefined)).toMatchObject({ code: 'NOT_FOUND', message: 'process 8 has exited' });
    expect(identityError({ pid: 8, createTime: 99n }, running)).toMatchObject({ code: 'CONFLICT' });
    expect(identityError({ pid: 8, createTime: 99n }, running)?.message).toMatch(/^process has exited \/ PID reused/);
    expect(identityError({ pid: 8, createTime: 100n }, running)).toBeNull();
  });
  test('processes are named by name and PID', () => {
    expect(describeProcess(8, 'a.exe')).toBe('a.exe (PID 8)');
    expect(describeProcess(8, undefined)).toBe('process 8');
  });
});

test('priority classes carry the winbase.h values', () => {
  expect(PRIORITY_CLASS_VALUES).toEqual({ idle: 0x40, belowNormal: 0x4000, normal: 0x20, aboveNormal: 0x8000, high: 0x80, realtime: 0x100 });
});

describe('quoteArgument (read back by CommandLineToArgvW rules)', () => {
  test.each([
    ['plain', 'plain'],
    ['', '""'],
    ['two words', '"two words"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['C:\\dir with space\\', '"C:\\dir with space\\\\"'],
    ['C:\\no-space\\', 'C:\\no-space\\'],
    ['a\\"b c', '"a\\\\\\"b c"'],
  ])('%j -> %s', (arg, quoted) => expect(quoteArgument(arg)).toBe(quoted));
});

describe('cleanup never throws', () => {
  // Test doubles for CloseHandle: no Win32 needed, as a closer is how OwnedHandle closes.
  const closed: bigint[] = [];
  const fine: HandleCloser = { fn: 'CloseHandle', close: (h) => (closed.push(h), 1) };
  const broken: HandleCloser = {
    fn: 'CloseHandle',
    close: (h) => {
      closed.push(h);
      throw new Error(`CloseHandle failed on 0x${h.toString(16)}`);
    },
  };
  const target = (pid: number, handle: OwnedHandle): VerifiedTarget => ({
    target: { pid, createTime: 1n },
    process: { pid, name: `p${pid}.exe` } as Extract<VerifiedTarget, { process: unknown }>['process'],
    handle,
  });

  test('a close that throws skips no other close and keeps every outcome already obtained', () => {
    closed.length = 0;
    const before = handleLedger.openCount('test-process');
    const verified = [
      target(8, OwnedHandle.adopt('test-process', 0x10n, 'OpenProcess', broken)),
      { target: { pid: 9, createTime: 1n }, error: new AppError('NOT_FOUND', 'process 9 has exited') },
      target(12, OwnedHandle.adopt('test-process', 0x20n, 'OpenProcess', fine)),
      target(16, OwnedHandle.adopt('test-process', 0x30n, 'OpenProcess', broken)),
    ];
    const outcomes = actOnVerified(verified, 'terminate', (handle) => {
      if (handle.value === 0x20n) throw new Error('TerminateProcess failed (error 5)');
    });
    expect(outcomes.map((o) => (o.ok ? 'ok' : o.error.code))).toEqual(['ok', 'NOT_FOUND', 'INTERNAL', 'ok']);
    expect(closed).toEqual([0x10n, 0x20n, 0x30n]);
    expect(handleLedger.openCount('test-process')).toBe(before);
    expect(handleLedger.closeFailures().slice(-2)).toEqual([
      'test-process handle: CloseHandle failed on 0x10',
      'test-process handle: CloseHandle failed on 0x30',
    ]);
  });

  test('closeEach returns the failures and closes the rest; nulls are skipped', () => {
    closed.length = 0;
    const failures = closeEach([
      OwnedHandle.adopt('test-process', 0x40n, 'OpenProcess', broken),
      null,
      OwnedHandle.adopt('test-process', 0x50n, 'OpenProcess', fine),
    ]);
    expect(failures.map((f) => f.message)).toEqual(['CloseHandle failed on 0x40']);
    expect(closed).toEqual([0x40n, 0x50n]);
  });
});
