/**
 * Which file a command line will run, decided by the console before it asks the admin and passed to
 * CreateProcessW as lpApplicationName, so the program confirmed is the program run. CreateProcessW left to
 * itself would search the console's own folder and its current directory (which for an elevated console
 * started from a Downloads folder is user-writable), and would try "C:\Program.exe" for an unquoted
 * "C:\Program Files\..." ("CreateProcessW function", lpApplicationName and lpCommandLine remarks).
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../app-error';
import { splitCommandLine } from '../services/binary-path';

/** Whether a path names an existing file (injectable for unit tests on Linux). */
export type IsFile = (file: string) => boolean;

const realIsFile: IsFile = (file) => {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
};

const isAbsolute = (p: string) => /^[A-Za-z]:\\/.test(p) || p.startsWith('\\\\');
/** CreateProcessW appends .exe to a program name without an extension (and only .exe). */
const withExe = (p: string) => (path.win32.extname(p) ? p : `${p}.exe`);

/**
 * The absolute path of the program `commandLine` names: an absolute path as given; a relative path against
 * the working folder (never the console's current directory); a bare name through the PATH folders in order.
 * BAD_REQUEST when it cannot be found, saying where it looked.
 */
export function resolveProgram(
  commandLine: string,
  workingDirectory: string | null,
  pathVariable: string | undefined,
  isFile: IsFile = realIsFile,
): { program: string; arguments: string[] } {
  const { program: named, arguments: args } = splitCommandLine(commandLine.trim());
  if (!named) throw new AppError('BAD_REQUEST', 'The command line names no program.');
  const candidates: string[] = [];
  if (isAbsolute(named)) {
    candidates.push(withExe(named));
  } else if (/[\\/]/.test(named)) {
    if (!workingDirectory) throw new AppError('BAD_REQUEST', `'${named}' is a relative path: give a working folder, or the program's full path.`);
    candidates.push(withExe(path.win32.resolve(workingDirectory, named)));
  } else {
    for (const folder of (pathVariable ?? '').split(';').map((f) => f.trim().replace(/^"(.*)"$/, '$1'))) {
      if (isAbsolute(folder)) candidates.push(withExe(path.win32.join(folder, named)));
    }
  }
  const found = candidates.find((c) => isFile(c));
  if (!found) {
    const where = candidates.length ? candidates.slice(0, 8).join(', ') + (candidates.length > 8 ? ', …' : '') : 'nowhere (no absolute folder in PATH)';
    throw new AppError('BAD_REQUEST', `Program not found: '${named}' (looked for ${where}).`);
  }
  return { program: path.win32.normalize(found), arguments: args };
}

/**
 * The characters cmd.exe reads in a command line rather than passing on: command separators and pipes (& |),
 * its escape (^), variable expansion (% and, with delayed expansion, !), redirection (< >), grouping (( )) and
 * quoting ("). "CreateProcessW function": "To run a batch file, you must start the command interpreter";
 * given a .bat or .cmd, Windows does that itself (cmd.exe /c), and cmd.exe parses the whole line again.
 */
const CMD_SPECIAL = ['&', '|', '^', '%', '!', '<', '>', '(', ')', '"'] as const;

/** True when Windows runs the program through cmd.exe: a .bat or .cmd file (any case, trailing dots and spaces ignored as Windows does). */
export function runsThroughCmd(program: string): boolean {
  return /\.(bat|cmd)[. ]*$/i.test(program.trim());
}

/**
 * Why a batch file cannot be run with these arguments, or null: the console refuses every character cmd.exe
 * would interpret (rather than quoting for cmd.exe's rules, which differ from the rules the arguments were
 * split by), so what the confirmation lists is what the script receives. The message names the character.
 */
export function batchFileProblem(program: string, args: readonly string[]): string | null {
  if (!runsThroughCmd(program)) return null;
  for (const [where, text] of [['the program path', program] as const, ...args.map((a, i) => [`argument ${i + 1}`, a] as const)]) {
    const found = CMD_SPECIAL.find((ch) => text.includes(ch));
    if (found) {
      return `${path.win32.basename(program)} is a batch file, which Windows runs through cmd.exe; cmd.exe would interpret the character ${found} in ${where}, so it is refused (use a program, or remove ${CMD_SPECIAL.join(' ')}).`;
    }
  }
  return null;
}

/** The line a confirmation adds for a batch file, or '' for any other program. */
export function batchFileNote(program: string): string {
  return runsThroughCmd(program) ? `It is a batch file: Windows runs it through cmd.exe /c. The characters cmd.exe interprets (${CMD_SPECIAL.join(' ')}) are refused.` : '';
}
