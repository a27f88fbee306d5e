import { describe, expect, it } from 'vitest';
import { describeExitCode, exitCodeLine, exitCodeWord } from './exit-codes';

describe('describeExitCode', () => {
  it('names the codes the console gives runs it ends', () => {
    expect(describeExitCode(1460)).toMatchObject({ decimal: '1460', hex: '0x000005B4', signed: null, name: 'ERROR_TIMEOUT' });
    expect(describeExitCode(1460).words).toMatch(/^timed out/);
    expect(describeExitCode(1223).words).toMatch(/^cancelled/);
    expect(describeExitCode(1223).name).toBe('ERROR_CANCELLED');
  });

  it('reads success and the common failures', () => {
    expect(describeExitCode(0).words).toBe('success');
    expect(describeExitCode(1).words).toMatch(/general error/);
    expect(describeExitCode(3).words).toMatch(/abort/);
  });

  it('takes NTSTATUS codes signed or unsigned alike, and shows both forms', () => {
    const ctrlC = describeExitCode(0xc000013a);
    expect(ctrlC).toMatchObject({ decimal: '3221225786', hex: '0xC000013A', signed: '-1073741510', name: 'STATUS_CONTROL_C_EXIT' });
    expect(describeExitCode(-1073741510)).toEqual(ctrlC);
    expect(describeExitCode(0xc0000005).words).toMatch(/access violation/);
    expect(describeExitCode(0xc0000409).name).toBe('STATUS_STACK_BUFFER_OVERRUN');
  });

  it('shows -1 as Windows stores it, with the signed form', () => {
    expect(describeExitCode(-1)).toMatchObject({ decimal: '4294967295', hex: '0xFFFFFFFF', signed: '-1' });
    expect(describeExitCode(0xffffffff).words).toMatch(/-1/);
  });

  it('says an unnamed NTSTATUS is a Windows error, and leaves other codes to the program', () => {
    expect(describeExitCode(0xc0001234).words).toMatch(/NTSTATUS/);
    expect(describeExitCode(0xc0001234).name).toBeNull();
    expect(describeExitCode(42)).toMatchObject({ decimal: '42', hex: '0x0000002A', words: null, name: null });
  });
});

describe('exitCodeLine', () => {
  it('puts decimal, hex and words on one line', () => {
    expect(exitCodeLine(null)).toBe('—');
    expect(exitCodeLine(1460)).toBe('1460 (0x000005B4): timed out (the code the console gives a run it stops at its timeout) [ERROR_TIMEOUT]');
    expect(exitCodeLine(0xc000013a)).toBe('3221225786 (0xC000013A, -1073741510): ended by Ctrl+C or Ctrl+Break, or its console window was closed [STATUS_CONTROL_C_EXIT]');
    expect(exitCodeLine(42)).toBe('42 (0x0000002A): the program’s own code: see its documentation');
  });
});

describe('exitCodeWord', () => {
  it('gives a word or two for a list line, nothing for a program\'s own code', () => {
    expect(exitCodeWord(0)).toBe('success');
    expect(exitCodeWord(1460)).toBe('timed out');
    expect(exitCodeWord(1223)).toBe('cancelled');
    expect(exitCodeWord(0xc0000005)).toBe('crashed');
    expect(exitCodeWord(-1073741510)).toBe('ended by Ctrl+C or Ctrl+Break');
    expect(exitCodeWord(1)).toBe('failed');
    expect(exitCodeWord(42)).toBeNull();
    expect(exitCodeWord(null)).toBeNull();
  });
});
