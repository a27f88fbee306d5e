/**
 * Unknown is not zero: the console's one convention for a value the system did not give. No zod here, so
 * the renderer may import it.
 *
 * 1. In the contract such a value is `null`, never 0, "" or a guess: a number that is there is what Windows
 *    answered, and 0 really means zero.
 * 2. Why it is null travels beside it, in an `unreported` map of field name -> reason in the admin's words:
 *    "Wine does not report private bytes", "access denied (5)" (a failed read ends with its Win32 code).
 *    A null without a reason only means "no reading yet" (the first CPU sample).
 * 3. Main decides what is unknown from what the system actually answered (one detector per domain, e.g.
 *    core/processes/unreported-fields.ts, core/jobs/accounting-unreported.ts), never a list in the UI.
 * 4. The renderer shows it as "—" with the reason on hover (shared/Unreported.tsx), charts leave a gap,
 *    a CSV export leaves the cell empty.
 *
 * Use: `{ privateBytes: null, …, unreported: { privateBytes: notReportedBy('private bytes', underWine) } }`,
 * read back with `reasonFor(row.unreported, 'privateBytes')`.
 */

/** Field name -> why its value is null. A field that is absent was reported (or is not nullable). */
export type UnknownReasons<F extends string = string> = Partial<Record<F, string>>;

/** The longest reason the contract carries. */
export const MAX_REASON_LENGTH = 512;

/**
 * The reason for a value the whole system never fills in: "Wine does not report private bytes" under Wine,
 * "This system does not report private bytes" on Windows (an older build, an unsupported class).
 */
export function notReportedBy(what: string, underWine: boolean): string {
  return `${underWine ? 'Wine' : 'This system'} does not report ${what}`;
}

/**
 * The reason for a read that failed with a Win32 error: "access denied (5)", "error 1 (Incorrect function.)".
 * `what` is prefixed when given ("I/O accounting: error 1 (…)").
 */
export function readFailed(win32Code: number, message?: string, what?: string): string {
  const text = win32Code === 5 ? 'access denied (5)' : `error ${win32Code}${message ? ` (${message})` : ''}`;
  return (what ? `${what}: ${text}` : text).slice(0, MAX_REASON_LENGTH);
}

/** Why `field` is unknown, or null when it was reported (or no reasons were given). */
export function reasonFor<F extends string>(reasons: UnknownReasons<F> | null | undefined, field: F): string | null {
  return reasons?.[field] ?? null;
}

/** True when two reason maps say the same (same fields, same reasons). */
export function sameReasons(a: UnknownReasons, b: UnknownReasons): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}
