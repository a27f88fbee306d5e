/**
 * The environment block a command starts with: the console's own environment with the admin's additions,
 * as CreateProcessW takes it with CREATE_UNICODE_ENVIRONMENT. Pure, so it is unit-tested on Linux.
 *
 * "Changing Environment Variables" (MSDN): names are case-insensitive, the block is "NAME=value\0" per
 * variable, sorted alphabetically by name, case-insensitively, in Unicode order without regard to locale,
 * and ends with one more NUL. Names that start with "=" (cmd's per-drive folders, "=C:=C:\...") are kept
 * by Windows in the block; node's process.env hides them, so they are not passed on.
 */
import { AppError } from '../../core/app-error';

/** One variable as the admin gave it. */
export interface EnvironmentAddition {
  name: string;
  value: string;
}

/** Why a variable cannot go into a block, or null when it can. */
export function environmentVariableProblem(name: string, value: string): string | null {
  if (name.length === 0) return 'an environment variable needs a name';
  if (name.includes('=')) return `environment variable name '${name}' contains '='`;
  if (name.includes('\0') || value.includes('\0')) return `environment variable '${name.replaceAll('\0', '\\0')}' contains a NUL character`;
  return null;
}

/**
 * A name upper-cased one UTF-16 unit at a time, as RtlUpcaseUnicodeChar does: a character whose upper
 * case is longer ("ß" -> "SS") stays as it is.
 */
export function upcaseName(name: string): string {
  let out = '';
  for (const c of name) {
    const upper = c.toUpperCase();
    out += upper.length === c.length ? upper : c;
  }
  return out;
}

/** Case-insensitive, ordinal comparison of names, as the block's sort order wants it. */
export function compareNames(a: string, b: string): number {
  const x = upcaseName(a);
  const y = upcaseName(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The variables of `base` with `additions` applied: an addition replaces a variable of the same name in
 * any case (the addition's spelling wins), later additions replace earlier ones; sorted for the block.
 * Throws BAD_REQUEST for a name or value that cannot be in a block.
 */
export function mergeEnvironment(base: Readonly<Record<string, string | undefined>>, additions: readonly EnvironmentAddition[]): [string, string][] {
  const byName = new Map<string, [string, string]>();
  for (const [name, value] of Object.entries(base)) {
    if (value === undefined || name.startsWith('=') || environmentVariableProblem(name, value)) continue;
    // The console's own runtime switches are not the command's business (and could change how a node or
    // Electron program it starts behaves).
    if (/^ELECTRON_/i.test(name) || /^NODE_OPTIONS$/i.test(name)) continue;
    byName.set(upcaseName(name), [name, value]);
  }
  for (const { name, value } of additions) {
    const problem = environmentVariableProblem(name, value);
    if (problem) throw new AppError('BAD_REQUEST', problem);
    byName.set(upcaseName(name), [name, value]);
  }
  return [...byName.values()].sort((a, b) => compareNames(a[0], b[0]));
}

/** The UTF-16 block CreateProcessW takes with CREATE_UNICODE_ENVIRONMENT: "NAME=value\0" each, then "\0". */
export function environmentBlock(variables: readonly [string, string][]): Buffer {
  const text = variables.map(([name, value]) => `${name}=${value}\0`).join('');
  // An empty block is still two NULs: an empty list, then its end.
  return Buffer.from(variables.length === 0 ? '\0\0' : `${text}\0`, 'utf16le');
}
