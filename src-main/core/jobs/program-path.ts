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
