import { describe, expect, test } from 'vitest';
import {
  buildCommandLine,
  hasUnquotedPathRisk,
  programProblem,
  quoteArgument,
  quotedPathFix,
  splitBinaryPath,
  splitCommandLine,
} from './binary-path';

/** Arguments only: a dummy program in front, so splitCommandLine's argument rules apply to all of `line`. */
const argv = (line: string) => splitCommandLine(`p.exe ${line}`).arguments;

describe('quoteArgument', () => {
  test.each([
    ['plain', 'plain'],
    ['', '""'],
    ['two words', '"two words"'],
    ['tab\there', '"tab\there"'],
    ['new\nline', '"new\nline"'],
    ['vertical\vtab', '"vertical\vtab"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['"', '"\\""'],
    ['C:\\dir with space\\', '"C:\\dir with space\\\\"'],
    ['C:\\no-space\\', 'C:\\no-space\\'],
    ['a\\"b c', '"a\\\\\\"b c"'],
    ['a\\\\"b', '"a\\\\\\\\\\"b"'],
    ['\\\\server\\share\\', '\\\\server\\share\\'],
    ['100%', '100%'],
  ])('%j -> %s', (arg, quoted) => expect(quoteArgument(arg)).toBe(quoted));

  test('every awkward argument reads back exactly through CommandLineToArgvW rules', () => {
    const awkward = ['', ' ', 'a b', 'C:\\Program Files\\', 'C:\\x\\\\', '"', '""', '\\"', 'a\\\\\\"b', 'end\\', 'x"y z', '\\\\srv\\sh are\\', '\t', 'mid\\dle space'];
    for (const arg of awkward) expect(argv(quoteArgument(arg))).toEqual([arg]);
    expect(argv(awkward.map(quoteArgument).join(' '))).toEqual(awkward);
  });
});

describe('buildCommandLine', () => {
  test('quotes a program with spaces without escaping, and each argument by the C runtime rules', () => {
    expect(buildCommandLine('C:\\Program Files\\My App\\svc.exe', ['--port', '80'])).toBe('"C:\\Program Files\\My App\\svc.exe" --port 80');
    expect(buildCommandLine('C:\\Tools\\svc.exe', [])).toBe('C:\\Tools\\svc.exe');
    expect(buildCommandLine('C:\\Tools\\svc.exe', ['--dir', 'C:\\Program Files\\x\\', ''])).toBe('C:\\Tools\\svc.exe --dir "C:\\Program Files\\x\\\\" ""');
    expect(buildCommandLine('\\\\srv\\share dir\\a.exe', ['say "hi"'])).toBe('"\\\\srv\\share dir\\a.exe" "say \\"hi\\""');
  });

  test('a program path is never escaped: CreateProcessW ends a quoted program at the next quote, backslashes and all', () => {
    // A folder-ish program with a trailing backslash would need escaping as an argument; as a program it must not be.
    expect(buildCommandLine('C:\\My Dir\\svc.exe', ['x'])).toBe('"C:\\My Dir\\svc.exe" x');
    expect(splitCommandLine(buildCommandLine('C:\\a b\\c\\', ['x']))).toEqual({ program: 'C:\\a b\\c\\', arguments: ['x'] });
  });

  test('round-trips through splitCommandLine', () => {
    const cases: [string, string[]][] = [
      ['C:\\Program Files (x86)\\A B\\c.exe', ['-k', 'LocalService', 'C:\\Data Dir\\', 'q"uote', '']],
      ['C:\\svc.exe', ['\\\\', '\\"', 'a\tb']],
      ['\\\\server\\share\\x y.exe', []],
    ];
    for (const [program, args] of cases) expect(splitCommandLine(buildCommandLine(program, args))).toEqual({ program, arguments: args });
  });
});

describe('programProblem', () => {
  test.each([
    'C:\\Program Files\\My App\\svc.exe',
    'c:\\svc.exe',
    'C:\\Tools\\svc',
    '\\\\server\\share\\svc.exe',
    '\\\\?\\C:\\long\\svc.exe',
    'D:\\dir.with.dots\\svc.exe',
  ])('%s is fine', (program) => expect(programProblem(program)).toBeNull());

  test.each([
    ['', /full path/],
    ['svc.exe', /not a full path/],
    ['Tools\\svc.exe', /not a full path/],
    ['\\Windows\\svc.exe', /not a full path/],
    ['C:svc.exe', /not a full path/],
    ['C:/Tools/svc.exe', /not a full path/],
    ['\\\\server\\share', /not a full path/],
    ['C:\\Program Files\\"App"\\svc.exe', /double quote/],
    ['C:\\Tools\\svc.exe\n', /control characters/],
    ['C:\\Tools\\a\tb.exe', /control characters/],
    ['C:\\Tools\\', /folder/],
    ['C:\\', /folder/],
    ['C:\\Tools\\..', /folder/],
    ['C:\\Tools\\svc.exe ', /space or a dot/],
    ['C:\\Tools\\svc.', /space or a dot/],
  ])('%j: %s', (program, message) => expect(programProblem(program)).toMatch(message));
});

describe('splitCommandLine', () => {
  test('the program follows CreateProcessW: quoted up to the next quote, else up to the first space or tab', () => {
    expect(splitCommandLine('"C:\\Program Files\\x.exe" -a b')).toEqual({ program: 'C:\\Program Files\\x.exe', arguments: ['-a', 'b'] });
    expect(splitCommandLine('"C:\\dir\\" x')).toEqual({ program: 'C:\\dir\\', arguments: ['x'] });
    expect(splitCommandLine('C:\\Program Files\\x.exe -a')).toEqual({ program: 'C:\\Program', arguments: ['Files\\x.exe', '-a'] });
    expect(splitCommandLine('C:\\a\\b.exe\t-k')).toEqual({ program: 'C:\\a\\b.exe', arguments: ['-k'] });
    expect(splitCommandLine('"C:\\no close')).toEqual({ program: 'C:\\no close', arguments: [] });
    expect(splitCommandLine('"C:\\a b"next arg')).toEqual({ program: 'C:\\a b', arguments: ['next', 'arg'] });
    expect(splitCommandLine('a"b c')).toEqual({ program: 'a"b', arguments: ['c'] });
    expect(splitCommandLine('')).toEqual({ program: '', arguments: [] });
    expect(splitCommandLine(' x')).toEqual({ program: '', arguments: ['x'] });
  });

  test('2n backslashes before a quote give n and a delimiter; 2n+1 give n and a literal quote; others are literal', () => {
    expect(argv('a\\\\"b c"')).toEqual(['a\\b c']);
    expect(argv('a\\\\\\\\"b c"')).toEqual(['a\\\\b c']);
    expect(argv('\\"')).toEqual(['"']);
    expect(argv('a\\\\\\"b')).toEqual(['a\\"b']);
    expect(argv('a\\b a\\\\b')).toEqual(['a\\b', 'a\\\\b']);
    expect(argv('"C:\\dir\\\\"')).toEqual(['C:\\dir\\']);
  });

  test('runs of quotes count in threes, the opening quote included (CommandLineToArgvW, not the 2008 C runtime)', () => {
    expect(argv('"a""b c"')).toEqual(['a"b', 'c']);
    expect(argv('"a"""b c"')).toEqual(['a"b c']);
    expect(argv('""')).toEqual(['']);
    expect(argv('"""')).toEqual(['"']);
    expect(argv('""""')).toEqual(['"']);
    expect(argv('a""b')).toEqual(['ab']);
    expect(argv('restart/1/""/0')).toEqual(['restart/1//0']);
  });

  test('spaces and tabs separate; empty quoted arguments are kept; trailing blanks are not arguments', () => {
    expect(argv(' a \t b  ')).toEqual(['a', 'b']);
    expect(argv('a "" b')).toEqual(['a', '', 'b']);
    expect(argv('"a b"c d')).toEqual(['a bc', 'd']);
    expect(splitCommandLine('p.exe   ').arguments).toEqual([]);
  });
});

describe('hasUnquotedPathRisk (CWE-428)', () => {
  test.each([
    ['C:\\Program Files\\Vendor\\svc.exe -k x', true],
    ['C:\\Program Files (x86)\\A B\\c.exe', true],
    ['C:\\PROGRAM FILES\\Vendor\\SVC.EXE', true],
    ['  C:\\Program Files\\Vendor\\svc.exe', true],
    ['C:\\Program Files\\Vendor\\svc', true],
    ['C:\\Program Files\\Vendor\\svc.exe.bak\\x.exe', true],
    ['"C:\\Program Files\\Vendor\\svc.exe" -k x', false],
    [' "C:\\Program Files\\Vendor\\svc.exe"', false],
    ['C:\\Windows\\system32\\svchost.exe -k netsvcs -p', false],
    ['C:\\Windows\\System32\\svchost.exe -k LocalServiceNoNetwork', false],
    ['\\SystemRoot\\System32\\drivers\\acpi.sys', false],
    ['system32\\drivers\\x.sys', false],
    ['C:\\Tools\\svc.exe --dir "C:\\Program Files\\x"', false],
    ['C:\\Tools\\svc.exe --dir C:\\Program Files\\x', false],
    ['C:\\Tools\\svc.exe\t--dir C:\\a b\\x.exe', false],
    ['cmd.exe /c C:\\a b\\x.bat', false],
    ['cmd /c C:\\x.exe', false],
    ['svchost -k x', false],
    ['', false],
  ])('%j -> %s', (path, risky) => expect(hasUnquotedPathRisk(path)).toBe(risky));
});

describe('quotedPathFix', () => {
  test('quotes the program part only, leaving the rest byte for byte', () => {
    expect(quotedPathFix('C:\\Program Files\\Vendor\\svc.exe -k x')).toBe('"C:\\Program Files\\Vendor\\svc.exe" -k x');
    expect(quotedPathFix('C:\\Program Files (x86)\\A B\\c.exe')).toBe('"C:\\Program Files (x86)\\A B\\c.exe"');
    expect(quotedPathFix('C:\\My App\\svc.EXE  --dir "C:\\Program Files\\x"\t-v')).toBe('"C:\\My App\\svc.EXE"  --dir "C:\\Program Files\\x"\t-v');
    expect(quotedPathFix('  C:\\My App\\svc.exe')).toBe('  "C:\\My App\\svc.exe"');
  });

  test('a fixed path is no longer risky and names the same program', () => {
    const before = 'C:\\Program Files\\Vendor\\svc.exe -k x "y z"';
    const after = quotedPathFix(before) as string;
    expect(hasUnquotedPathRisk(after)).toBe(false);
    expect(splitCommandLine(after)).toEqual({ program: 'C:\\Program Files\\Vendor\\svc.exe', arguments: ['-k', 'x', 'y z'] });
  });

  test('nothing to fix, or no safe place to put the quotes', () => {
    expect(quotedPathFix('"C:\\Program Files\\Vendor\\svc.exe"')).toBeNull();
    expect(quotedPathFix('C:\\Windows\\system32\\svchost.exe -k netsvcs')).toBeNull();
    expect(quotedPathFix('C:\\Program Files\\Vendor\\svc -k x')).toBeNull();
    expect(quotedPathFix('C:\\Program Files\\a"b\\svc.exe')).toBeNull();
  });
});

describe('splitBinaryPath', () => {
  test('reads an unquoted program with spaces as one program when its end is clear', () => {
    expect(splitBinaryPath('C:\\Program Files\\Vendor\\svc.exe -k "a b"')).toEqual({ program: 'C:\\Program Files\\Vendor\\svc.exe', arguments: ['-k', 'a b'] });
    expect(splitBinaryPath('"C:\\x y\\svc.exe" -k')).toEqual({ program: 'C:\\x y\\svc.exe', arguments: ['-k'] });
    expect(splitBinaryPath('C:\\Program Files\\Vendor\\svc -k')).toEqual({ program: 'C:\\Program', arguments: ['Files\\Vendor\\svc', '-k'] });
  });
});
