/**
 * A service's binary path is one command line (lpBinaryPathName): the program, then its arguments. The SCM
 * starts it with CreateProcessW, which finds the program by its own first-token rule; the program reads its
 * arguments back with CommandLineToArgvW or the C runtime. These helpers write and read that line exactly.
 *
 * References: "CreateProcessW function" (lpApplicationName / lpCommandLine remarks), "CommandLineToArgvW
 * function", "Parsing C command-line arguments" (learn.microsoft.com).
 */

/** Characters that make an argument need quotes (the C runtime splits on space and tab; \n and \v are quoted too). */
const NEEDS_QUOTES = /[ \t\n\v"]/;
const WHITESPACE = /[ \t]/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

/**
 * Quotes one argument so CommandLineToArgvW and the MSVC C runtime read it back exactly: no quotes unless it
 * is empty or has a space, tab, newline, vertical tab or `"`; inside quotes, backslashes are literal except
 * when they precede a `"` (or the closing quote), where they are doubled and the `"` is written `\"`.
 */
export function quoteArgument(arg: string): string {
  if (arg !== '' && !NEEDS_QUOTES.test(arg)) return arg;
  return `"${arg.replace(/(\\*)"/g, '$1$1\\"').replace(/(\\+)$/, '$1$1')}"`;
}

/**
 * The command line for `program` and `args`. The program follows CreateProcessW's first-token rule, not
 * CommandLineToArgvW's: a quoted program ends at the next `"`, and backslashes escape nothing there, so it is
 * quoted (when it has a space or tab) without any escaping. A program containing `"` cannot be written at
 * all: check programProblem() first (the result is then only fit for display).
 */
export function buildCommandLine(program: string, args: readonly string[]): string {
  const first = program === '' || WHITESPACE.test(program) ? `"${program}"` : program;
  return [first, ...args.map(quoteArgument)].join(' ');
}

/**
 * Why `program` cannot be a service's program, or null. It must be a full path (C:\... or \\server\share\...)
 * because the SCM starts services with System32 as the current folder and a search path the admin does not
 * see; a `"` cannot be quoted for CreateProcessW; a trailing backslash, `.` or `..` names a folder; Windows
 * strips a trailing space or dot from a file name, so the file run would not be the one named.
 */
export function programProblem(program: string): string | null {
  if (program === '') return 'Enter the full path of the program to run.';
  if (program.includes('"')) return 'The program path cannot contain a double quote (").';
  if (CONTROL_CHARS.test(program)) return 'The program path cannot contain control characters (tabs, line breaks).';
  const drive = /^[A-Za-z]:\\/.test(program);
  const unc = /^\\\\[^\\]+\\[^\\]+\\/.test(program);
  if (!drive && !unc) {
    return `"${program}" is not a full path: give the drive or share, e.g. C:\\Program Files\\App\\app.exe or \\\\server\\share\\app.exe.`;
  }
  if (program.endsWith('\\') || program.endsWith('/')) return `"${program}" ends in a backslash: that names a folder, not a program.`;
  const name = program.slice(Math.max(program.lastIndexOf('\\'), program.lastIndexOf('/')) + 1);
  if (name === '.' || name === '..') return `"${program}" names a folder, not a program.`;
  if (/[ .]$/.test(name)) return `"${program}" ends in a space or a dot, which Windows drops from file names.`;
  return null;
}

/** A command line split into the program (CreateProcessW's first token) and its arguments (CommandLineToArgvW). */
export interface SplitCommandLine {
  program: string;
  arguments: string[];
}

/**
 * Splits a command line the way Windows does (the inverse of buildCommandLine). The program: if the line
 * starts with `"`, everything up to the next `"` (no escapes); otherwise everything up to the first space or
 * tab. The arguments follow CommandLineToArgvW (as Wine's shcore implements it, matching Windows):
 * - arguments are separated by runs of spaces and tabs outside quotes;
 * - 2n backslashes before `"` give n backslashes and the `"` toggles quoting; 2n+1 give n backslashes and a
 *   literal `"`; backslashes not before a `"` are literal;
 * - inside quotes, a run of quotes counts with the opening one: 3n quotes give n literal quotes and stay
 *   quoted, 3n+1 give n and close, 3n+2 give n+1 and close - so `""` inside quotes is a literal `"` that also
 *   ends the quoted part. (The MSVC 2008+ C runtime stays quoted instead; quoteArgument never writes `""`
 *   inside quotes, so both read our lines the same.)
 */
export function splitCommandLine(commandLine: string): SplitCommandLine {
  let i = 0;
  let program = '';
  if (commandLine.startsWith('"')) {
    const close = commandLine.indexOf('"', 1);
    program = close < 0 ? commandLine.slice(1) : commandLine.slice(1, close);
    i = close < 0 ? commandLine.length : close + 1;
  } else {
    while (i < commandLine.length && !isBlank(commandLine[i])) i++;
    program = commandLine.slice(0, i);
  }
  return { program, arguments: splitArguments(commandLine.slice(i)) };
}

function isBlank(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t';
}

/** CommandLineToArgvW's rules for everything after the program (see splitCommandLine). */
function splitArguments(text: string): string[] {
  const args: string[] = [];
  let s = 0;
  while (isBlank(text[s])) s++;
  if (s >= text.length) return args;
  let current = '';
  let quotes = 0; // 0: outside quotes; 1: inside (the opening quote counted), as Wine's qcount
  let backslashes = 0;
  while (s < text.length) {
    const ch = text[s] as string;
    if (isBlank(ch) && quotes === 0) {
      args.push(current);
      current = '';
      backslashes = 0;
      while (isBlank(text[s])) s++;
      if (s >= text.length) return args;
      continue;
    }
    if (ch === '\\') {
      current += ch;
      backslashes++;
      s++;
      continue;
    }
    if (ch === '"') {
      if (backslashes % 2 === 0) {
        current = current.slice(0, current.length - backslashes / 2);
        quotes++;
      } else {
        current = `${current.slice(0, current.length - (backslashes + 1) / 2)}"`;
      }
      s++;
      backslashes = 0;
      while (text[s] === '"') {
        if (++quotes === 3) {
          current += '"';
          quotes = 0;
        }
        s++;
      }
      if (quotes === 2) quotes = 0;
      continue;
    }
    current += ch;
    backslashes = 0;
    s++;
  }
  args.push(current);
  return args;
}

/** Where the executable name ends: just after the first `.exe` followed by the end or a space/tab; -1 if none. */
function exeEnd(path: string): number {
  const match = /\.exe(?=[ \t]|$)/i.exec(path);
  return match ? match.index + 4 : -1;
}

/**
 * CWE-428 (unquoted search path): true when `binaryPath` is not quoted and a space or tab sits inside the
 * program's path. CreateProcessW ("CreateProcessW function", lpApplicationName remarks) reads an unquoted
 * `C:\Program Files\Vendor\svc.exe -k x` by trying, in turn, `C:\Program.exe`, `C:\Program Files\Vendor\svc.exe`,
 * ... - one candidate per space - so whoever can write `C:\Program.exe` runs as the service.
 *
 * The rule: leading spaces ignored, a path starting with `"` is safe. The program ends at the first `.exe`
 * followed by the end or a space/tab (case-insensitive); without one, its end is unknown and taken as the end
 * of the line (so such a path with spaces after a folder is flagged, and quotedPathFix offers no fix). The
 * path is risky when a space or tab lies after its first backslash and before that end: only a candidate that
 * reaches into a folder (`C:\Program`) is a file someone can plant; a bare first word (`cmd /c C:\x.exe`) is
 * found through the search path, a different weakness. So `C:\Tools\svc.exe --dir "C:\Program Files\x"` is
 * safe (the space is after the program), and driver paths without spaces (`\SystemRoot\System32\drivers\x.sys`,
 * `system32\drivers\x.sys`) never are risky.
 */
export function hasUnquotedPathRisk(binaryPath: string): boolean {
  const path = binaryPath.replace(/^[ \t]+/, '');
  if (path.startsWith('"')) return false;
  const firstBackslash = path.indexOf('\\');
  if (firstBackslash < 0) return false;
  const end = exeEnd(path);
  const programPart = path.slice(firstBackslash, end < 0 ? path.length : end);
  return WHITESPACE.test(programPart);
}

/**
 * The one-click fix for hasUnquotedPathRisk: the program part (up to and including the first `.exe` boundary)
 * put in quotes, the rest left exactly as it was. Null when the path is not risky, or when the program's end
 * cannot be told safely (no `.exe` boundary, or a `"` inside the program part): quoting at a guess could
 * point the service at another file.
 */
export function quotedPathFix(binaryPath: string): string | null {
  if (!hasUnquotedPathRisk(binaryPath)) return null;
  const lead = /^[ \t]*/.exec(binaryPath)?.[0] ?? '';
  const path = binaryPath.slice(lead.length);
  const end = exeEnd(path);
  if (end < 0) return null;
  const program = path.slice(0, end);
  if (program.includes('"')) return null;
  return `${lead}"${program}"${path.slice(end)}`;
}

/**
 * Splits a stored binary path for the edit form: like splitCommandLine, but an unquoted program with spaces
 * that quotedPathFix can place is read as that whole program (what the admin meant, and what Windows runs
 * when no `C:\Program.exe` exists) rather than as `C:\Program` plus stray arguments.
 */
export function splitBinaryPath(binaryPath: string): SplitCommandLine {
  return splitCommandLine(quotedPathFix(binaryPath)?.replace(/^[ \t]+/, '') ?? binaryPath);
}
