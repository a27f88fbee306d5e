/**
 * How the per-item results of an action on several things (processes, services) read: one toast saying
 * what was done, or what failed and why, naming up to four failed items, with the first failure's codes.
 */
import type { ApiError } from '../../src-preload/contract/errors';
import { describeErrorCodes } from '../lib/api';
import type { ToastInput } from './toast-store';

/** One item's outcome, as the contract's action results carry it. */
export interface ItemResult {
  readonly ok: boolean;
  readonly error?: { readonly code: string; readonly message: string; readonly win32Code?: number | undefined } | undefined;
}

/** The words of one action. */
export interface ActionWords {
  /** "terminate": in "Could not terminate notepad.exe". */
  readonly verb: string;
  /** "Terminated": in "Terminated notepad.exe". */
  readonly done: string;
}

const MAX_LISTED = 4;

/**
 * One toast for per-item results: all done -> info ("Stopped Spooler"); any failure -> an error toast
 * naming each failed item and why (up to four, then "and N more"), with the first failure's codes.
 * `label` names one item ("notepad.exe (PID 12)"), `many` a count ("3 processes"). Null for no results.
 */
export function summarizeItems<R extends ItemResult>(
  results: readonly R[],
  words: ActionWords,
  label: (result: R) => string,
  many: (count: number) => string,
): ToastInput | null {
  if (results.length === 0) return null;
  const failed = results.filter((r) => !r.ok);
  if (failed.length === 0) {
    const first = results[0];
    const what = results.length === 1 && first ? label(first) : many(results.length);
    return { tone: 'info', title: `${words.done} ${what}`, message: 'Done.' };
  }
  const firstFailure = failed[0];
  const title =
    results.length === 1 && firstFailure
      ? `Could not ${words.verb} ${label(firstFailure)}`
      : `Could not ${words.verb} ${failed.length} of ${many(results.length)}`;
  const reasons = failed.slice(0, MAX_LISTED).map((r) => {
    const reason = r.error?.message.trim() || 'The main process gave no reason.';
    return results.length === 1 ? reason : `${label(r)}: ${reason}`;
  });
  if (failed.length > MAX_LISTED) reasons.push(`…and ${failed.length - MAX_LISTED} more.`);
  const error = firstFailure?.error;
  const meta = error ? describeErrorCodes({ code: error.code as ApiError['code'], message: error.message, ...(error.win32Code !== undefined ? { win32Code: error.win32Code } : {}) }) : undefined;
  return { tone: 'error', title, message: reasons.join(' '), ...(meta ? { meta } : {}) };
}

/** The toast for a whole call that failed (not per item); null for CANCELLED: the admin said no in main's dialog. */
export function callFailureToastFor(verb: string, what: string, error: ApiError): ToastInput | null {
  if (error.code === 'CANCELLED') return null;
  const message = error.message.trim() || 'The main process gave no reason.';
  return { tone: 'error', title: `Could not ${verb} ${what}`, message, meta: describeErrorCodes(error) };
}
