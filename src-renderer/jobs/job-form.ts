/**
 * Checks on what the job dialogs take besides limits (a job name, a template name, a PID), with the
 * contract's rules, so a problem shows beside the field before main is asked. Pure, unit tested.
 */

const JOB_NAME = /^[A-Za-z0-9][A-Za-z0-9 ._-]*$/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_PLAIN = /[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

/** Why a job name is refused, or null. Names live in the object namespace, where backslash separates. */
export function jobNameProblem(name: string): string | null {
  if (name === '') return 'Give the job a name.';
  if (name.length > 64) return 'At most 64 characters.';
  if (!JOB_NAME.test(name)) return 'Letters, digits, space, dot, dash and underscore, starting with a letter or digit.';
  return null;
}

/** Why a template name is refused, or null. */
export function templateNameProblem(name: string): string | null {
  if (name.trim() === '') return 'Give the template a name.';
  if (name.length > 80) return 'At most 80 characters.';
  if (NOT_PLAIN.test(name)) return 'No control, bidi or line-separator characters.';
  return null;
}

/** Why a command line or working directory is refused, or null (`required` for the command line). */
export function commandProblem(text: string, required: boolean, what: string): string | null {
  if (required && text.trim() === '') return `Type the ${what}.`;
  if (text.length > 32_767) return `The ${what} is longer than Windows takes (32,767 characters).`;
  if (NOT_PLAIN.test(text)) return `The ${what} may not hold control, bidi or line-separator characters.`;
  return null;
}

/** True when `text` has none of the characters the contract refuses in plain text. */
export function isPlainText(text: string): boolean {
  return !NOT_PLAIN.test(text);
}

/** A process the Add process dialog offers: what names it to main (PID + creation time) and how it reads. */
export interface PickableProcess {
  readonly pid: number;
  readonly createTime: string;
  readonly name: string;
  readonly inJob: boolean | null;
  /** Its command line; null when it could not be read, `commandLineUnknown` then says why. */
  readonly commandLine?: string | null;
  readonly commandLineUnknown?: string | null;
  /** One of the console's own processes (Electron's main process and its helpers, or the headless host). */
  readonly isConsole?: boolean;
}

/**
 * Why the console's own process is offered but cannot be added: main refuses it (it is a critical process
 * to itself), and it would be pointless and dangerous anyway.
 */
export const CONSOLE_PROCESS_NOTE =
  'This console: it cannot be added. Its own job’s limits would then apply to it (a memory limit could make it fail), and Terminate or kill on close would end the console with the job.';

/**
 * The processes matching `filter` (a PID exactly, or part of the name or the command line, any case), by
 * name then PID, at most `limit`; `total` says how many matched in all.
 */
export function pickProcesses(all: readonly PickableProcess[], filter: string, limit = 100): { shown: PickableProcess[]; total: number } {
  const terms = filter.trim().toLowerCase();
  const matches = terms === '' ? [...all] : all.filter((p) => String(p.pid) === terms || p.name.toLowerCase().includes(terms) || (p.commandLine?.toLowerCase().includes(terms) ?? false));
  matches.sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.pid - b.pid);
  return { shown: matches.slice(0, limit), total: matches.length };
}
