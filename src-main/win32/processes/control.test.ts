import { describe, expect, test } from 'vitest';
import { PRIORITY_CLASS_VALUES, affinityMaskProblem } from './control';
import { quoteArgument } from './launch';
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
