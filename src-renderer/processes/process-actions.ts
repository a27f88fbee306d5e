/**
 * The actions an admin can take on selected processes, and how their per-target results read: one toast
 * saying what was done, or what failed and why, and which targets were refused only because they are
 * critical (so the view can offer "Terminate anyway…", which resends them with allowCritical).
 */
import type { ApiError } from '../../src-preload/contract/errors';
import type { PriorityClassName } from '../../src-preload/contract/process-fields';
import type { ActionResultsValue, ProcessKeyValue } from '../../src-preload/contract/schemas';
import { describeErrorCodes } from '../lib/api';
import type { ToastInput } from '../shared/toast-store';

/** The process actions, one channel each. */
export type ProcessActionKind = 'terminate' | 'terminateTree' | 'suspend' | 'resume' | 'setPriority' | 'setAffinity';

/** An action with its arguments. */
export type ProcessActionRequest =
  | { readonly kind: 'terminate' | 'terminateTree' | 'suspend' | 'resume' }
  | { readonly kind: 'setPriority'; readonly priorityClass: PriorityClassName }
  | { readonly kind: 'setAffinity'; readonly processors: readonly number[] };

interface Words {
  /** "terminate": in "Could not terminate notepad.exe". */
  readonly verb: string;
  /** "Terminated": in "Terminated notepad.exe". */
  readonly done: string;
}

const WORDS: { readonly [K in ProcessActionKind]: Words } = {
  terminate: { verb: 'terminate', done: 'Terminated' },
  terminateTree: { verb: 'terminate the tree of', done: 'Terminated the tree of' },
  suspend: { verb: 'suspend', done: 'Suspended' },
  resume: { verb: 'resume', done: 'Resumed' },
  setPriority: { verb: 'set the priority of', done: 'Set the priority of' },
  setAffinity: { verb: 'set the affinity of', done: 'Set the affinity of' },
};

/** Admin words for the priority classes (SetPriorityClass). */
export const PRIORITY_LABELS: { readonly [P in PriorityClassName]: string } = {
  idle: 'Idle',
  belowNormal: 'Below normal',
  normal: 'Normal',
  aboveNormal: 'Above normal',
  high: 'High',
  realtime: 'Realtime',
};

/** The label of the resend-with-override button: "Terminate anyway…". */
export function anywayLabel(kind: ProcessActionKind): string {
  switch (kind) {
    case 'terminate':
      return 'Terminate anyway…';
    case 'terminateTree':
      return 'Terminate tree anyway…';
    case 'suspend':
      return 'Suspend anyway…';
    case 'resume':
      return 'Resume anyway…';
    case 'setPriority':
      return 'Set priority anyway…';
    case 'setAffinity':
      return 'Set affinity anyway…';
  }
}

/** "notepad.exe (PID 1234)". */
export function processLabel(name: string, pid: number): string {
  return `${name} (PID ${pid})`;
}

/**
 * True when main left a target alone only because it is critical and the request carried no override: main
 * says so explicitly (refusedAsCritical). A real access-denied on a critical process, or any refusal after
 * the override was already given, is not one - offering the override again could never succeed.
 */
export function isCriticalRefusal(result: { refusedAsCritical?: boolean | undefined }): boolean {
  return result.refusedAsCritical === true;
}

/** What the view shows after an action: a toast (or none), and the targets it may resend with the override. */
export interface ActionOutcome {
  readonly toast: ToastInput | null;
  readonly criticalRefused: readonly ProcessKeyValue[];
}

const MAX_LISTED = 4;

/**
 * Turns per-target results into one toast. All done -> an info toast; any failure -> an error toast that
 * names each failed process and why (up to four, then "and N more"), with the first failure's codes.
 */
export function summarizeResults(
  kind: ProcessActionKind,
  results: ActionResultsValue['results'],
): ActionOutcome {
  const words = WORDS[kind];
  const failed = results.filter((r) => !r.ok);
  const criticalRefused = failed
    .filter((r) => isCriticalRefusal(r))
    .map((r) => ({ pid: r.pid, createTime: r.createTime }));
  if (results.length === 0) return { toast: null, criticalRefused };
  if (failed.length === 0) {
    const first = results[0];
    const what = results.length === 1 && first ? processLabel(first.name, first.pid) : `${results.length} processes`;
    return { toast: { tone: 'info', title: `${words.done} ${what}`, message: 'Done.' }, criticalRefused };
  }
  const firstFailure = failed[0];
  const title =
    results.length === 1 && firstFailure
      ? `Could not ${words.verb} ${processLabel(firstFailure.name, firstFailure.pid)}`
      : `Could not ${words.verb} ${failed.length} of ${results.length} processes`;
  const reasons = failed
    .slice(0, MAX_LISTED)
    .map((r) => {
      const reason = r.error?.message.trim() || 'The main process gave no reason.';
      return results.length === 1 ? reason : `${processLabel(r.name, r.pid)}: ${reason}`;
    });
  if (failed.length > MAX_LISTED) reasons.push(`…and ${failed.length - MAX_LISTED} more.`);
  const meta = firstFailure?.error ? describeErrorCodes(firstFailure.error) : undefined;
  return { toast: { tone: 'error', title, message: reasons.join(' '), ...(meta ? { meta } : {}) }, criticalRefused };
}

/** The toast for a whole call that failed (not per target); null for CANCELLED: the admin said no. */
export function callFailureToast(kind: ProcessActionKind, count: number, error: ApiError): ToastInput | null {
  if (error.code === 'CANCELLED') return null;
  const what = count === 1 ? 'the process' : `${count} processes`;
  const message = error.message.trim() || 'The main process gave no reason.';
  return { tone: 'error', title: `Could not ${WORDS[kind].verb} ${what}`, message, meta: describeErrorCodes(error) };
}

/** Logical processors an affinity may name: one processor group (0-63), as the contract allows. */
export function affinityProcessors(logicalProcessors: number): number[] {
  return Array.from({ length: Math.max(1, Math.min(64, logicalProcessors)) }, (_, i) => i);
}
