import { describe, expect, it } from 'vitest';
import { batchFileNote, batchFileProblem, resolveProgram, runsThroughCmd } from './program-path';

const files = new Set(['C:\\Windows\\System32\\cmd.exe', 'C:\\Tools\\build.exe', 'C:\\src\\bin\\run.exe', 'C:\\Program Files\\App\\app.exe']);
const isFile = (f: string) => files.has(f);
const PATH = 'C:\\Windows\\System32;"C:\\Tools";relative\\dir';

describe('resolveProgram', () => {
  it('finds a bare name through PATH, in order, adding .exe, never in the current folder', () => {
    expect(resolveProgram('cmd /c dir', null, PATH, isFile)).toEqual({ program: 'C:\\Windows\\System32\\cmd.exe', arguments: ['/c', 'dir'] });
    expect(resolveProgram('build --all', null, PATH, isFile).program).toBe('C:\\Tools\\build.exe');
    expect(() => resolveProgram('evil', 'C:\\Users\\me\\Downloads', PATH, isFile)).toThrow(/Program not found: 'evil'/);
  });

  it('takes an absolute path as given (quoted with spaces), and a relative one against the working folder only', () => {
    expect(resolveProgram('"C:\\Program Files\\App\\app.exe" --x "a b"', null, PATH, isFile)).toEqual({ program: 'C:\\Program Files\\App\\app.exe', arguments: ['--x', 'a b'] });
    expect(resolveProgram('bin\\run --fast', 'C:\\src', PATH, isFile).program).toBe('C:\\src\\bin\\run.exe');
    expect(() => resolveProgram('bin\\run', null, PATH, isFile)).toThrow(/relative path/);
  });

  it('an unquoted path with spaces is the first token (as Windows reads it) and is not found, rather than guessed', () => {
    expect(() => resolveProgram('C:\\Program Files\\App\\app.exe', null, PATH, isFile)).toThrow(/Program not found: 'C:\\Program'/);
  });

  it('refuses an empty command line', () => {
    expect(() => resolveProgram('   ', null, PATH, isFile)).toThrow(/names no program/);
  });
});

describe('batch files (run through cmd.exe)', () => {
  it('knows a .bat or .cmd program in any case, trailing dots and spaces as Windows ignores them', () => {
    for (const p of ['C:\\x\\a.bat', 'C:\\x\\A.CMD', 'C:\\x\\a.cmd.', 'C:\\x\\a.bat  ']) expect(runsThroughCmd(p)).toBe(true);
    for (const p of ['C:\\x\\a.exe', 'C:\\x\\bat', 'C:\\x\\a.batch', 'C:\\x.bat\\a.exe']) expect(runsThroughCmd(p)).toBe(false);
  });

  it('refuses every character cmd.exe interprets, in the program path or any argument, naming it', () => {
    for (const ch of ['&', '|', '^', '%', '!', '<', '>', '(', ')', '"']) {
      expect(batchFileProblem('C:\\x\\deploy.cmd', ['ok', `a${ch}b`])).toContain(`character ${ch} in argument 2`);
    }
    expect(batchFileProblem('C:\\odd (x86)\\deploy.bat', [])).toContain('character ( in the program path');
    expect(batchFileProblem('C:\\x\\deploy.bat', ['--env', 'prod', 'C:\\Program Files\\y'])).toBeNull();
    expect(batchFileProblem('C:\\x\\tool.exe', ['a&b', '%PATH%'])).toBeNull();
  });

  it('says so in the prompt for a batch file only', () => {
    expect(batchFileNote('C:\\x\\deploy.cmd')).toContain('cmd.exe');
    expect(batchFileNote('C:\\x\\tool.exe')).toBe('');
  });
});
