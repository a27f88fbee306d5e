/**
 * A process's exit code in words, with its decimal and hex forms. GetExitCodeProcess gives a DWORD
 * (unsigned); programs and tools also write the same value signed (-1, -1073741510), so both are accepted
 * and both forms shown. Codes from 0xC0000000 up are NTSTATUS values: the process ended on an unhandled
 * exception or a loader failure (MSDN "NTSTATUS Values", [MS-ERREF] 2.3.1). Any other code means what the
 * program documents; only conventions common to most programs are named. Pure, unit tested.
 */

/** What one exit code means, as the Run view shows it. */
export interface ExitCodeText {
  /** Unsigned decimal, as GetExitCodeProcess reports it. */
  readonly decimal: string;
  /** 0x and eight hex digits. */
  readonly hex: string;
  /** Signed decimal when it differs from the unsigned one (-1, -1073741510), else null. */
  readonly signed: string | null;
  /** The code in words, or null for a code with no common meaning (the program's own). */
  readonly words: string | null;
  /** The Windows name of the code (ERROR_TIMEOUT, STATUS_ACCESS_VIOLATION), when it has one. */
  readonly name: string | null;
}

/** The codes named, by unsigned value. */
const KNOWN: ReadonlyMap<number, { name: string | null; words: string }> = new Map([
  [0, { name: 'ERROR_SUCCESS', words: 'success' }],
  [1, { name: null, words: 'failed (1 is most programs’ general error)' }],
  [2, { name: null, words: 'failed (2 often means a file was not found, or wrong usage)' }],
  [3, { name: null, words: 'aborted (the C runtime’s abort() exits with 3)' }],
  [259, { name: 'STILL_ACTIVE', words: 'the program exited with 259, the value Windows also uses for “still running”' }],
  // The codes this console gives a run's job when it ends it (run-manager.ts).
  [1223, { name: 'ERROR_CANCELLED', words: 'cancelled (the code the console gives a run it cancels)' }],
  [1460, { name: 'ERROR_TIMEOUT', words: 'timed out (the code the console gives a run it stops at its timeout)' }],
  [0x80000003, { name: 'STATUS_BREAKPOINT', words: 'stopped at a breakpoint with no debugger attached' }],
  [0xc0000005, { name: 'STATUS_ACCESS_VIOLATION', words: 'crashed: access violation (read or wrote memory it may not)' }],
  [0xc0000017, { name: 'STATUS_NO_MEMORY', words: 'ran out of memory (or hit a job memory limit)' }],
  [0xc000001d, { name: 'STATUS_ILLEGAL_INSTRUCTION', words: 'crashed: illegal instruction' }],
  [0xc0000094, { name: 'STATUS_INTEGER_DIVIDE_BY_ZERO', words: 'crashed: integer division by zero' }],
  [0xc00000fd, { name: 'STATUS_STACK_OVERFLOW', words: 'crashed: stack overflow' }],
  [0xc000013a, { name: 'STATUS_CONTROL_C_EXIT', words: 'ended by Ctrl+C or Ctrl+Break, or its console window was closed' }],
  [0xc0000135, { name: 'STATUS_DLL_NOT_FOUND', words: 'could not start: a DLL it needs was not found' }],
  [0xc0000139, { name: 'STATUS_ENTRYPOINT_NOT_FOUND', words: 'could not start: a DLL lacks a function it needs' }],
  [0xc0000142, { name: 'STATUS_DLL_INIT_FAILED', words: 'could not start: a DLL failed to initialise' }],
  [0xc0000374, { name: 'STATUS_HEAP_CORRUPTION', words: 'crashed: heap corruption' }],
  [0xc0000409, { name: 'STATUS_STACK_BUFFER_OVERRUN', words: 'crashed: fail-fast exit (a security check or __fastfail)' }],
  [0xffffffff, { name: null, words: 'failed (-1 is many programs’ general error)' }],
]);

/** The exit code in its forms and words; a code outside 32 bits is taken modulo 2^32, as Windows stores it. */
export function describeExitCode(code: number): ExitCodeText {
  const unsigned = code >>> 0;
  const signedValue = unsigned | 0;
  const known = KNOWN.get(unsigned);
  let words = known?.words ?? null;
  // Severity "error" NTSTATUS (0xC…): what is common to all of them, for the ones not named above.
  if (!known && unsigned >= 0xc0000000) words = 'ended by a Windows error (an NTSTATUS code: an unhandled exception or a start-up failure)';
  return {
    decimal: String(unsigned),
    hex: `0x${unsigned.toString(16).toUpperCase().padStart(8, '0')}`,
    signed: signedValue === unsigned ? null : String(signedValue),
    words,
    name: known?.name ?? null,
  };
}

/** One line for the Run view: "3221225786 (0xC000013A, -1073741510): ended by Ctrl+C … [STATUS_CONTROL_C_EXIT]". */
export function exitCodeLine(code: number | null): string {
  if (code === null) return '—';
  const d = describeExitCode(code);
  const forms = [d.hex, d.signed].filter(Boolean).join(', ');
  const words = d.words ?? 'the program’s own code: see its documentation';
  return `${d.decimal} (${forms}): ${words}${d.name ? ` [${d.name}]` : ''}`;
}

/**
 * The code's meaning in a word or two for a list line ("timed out", "cancelled", "crashed"): the words up to
 * their first detail; null for a program's own code. The full line (exitCodeLine) goes in its tooltip.
 */
export function exitCodeWord(code: number | null): string | null {
  if (code === null) return null;
  const words = describeExitCode(code).words;
  return words === null ? null : (words.split(/ \(|:|,/)[0] ?? words).trim();
}
