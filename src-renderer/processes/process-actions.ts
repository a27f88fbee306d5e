/**
 * The actions an admin can take on selected processes, and how their per-target results read: one toast
 * saying what was done, or what failed and why, and which targets were refused only because they are
 * critical (so the view can offer "Terminate anyway…", which resends them with allowCritical).
 */
import type { ApiError } from '../../src-preload/contract/errors';
import type { PriorityClassName } from '../../src-preload/contract/process-fields';
import type { ActionResultsValue, ProcessKeyValue } from '../../src-preload/contract/schemas';
import { callFailureToastFor, summarizeItems, type ActionWords } from '../shared/action-results';
import type { ToastInput } from '../shared/toast-store';

/** The process actions, one channel each. */
export type ProcessActionKind = 'terminate' | 'terminateTree' | 'suspend' | 'resume' | 'setPriority' | 'setAffinity';

/** An action with its arguments. */
export type ProcessActionRequest =
  | { readonly kind: 'terminate' | 'terminateTree' | 'suspend' | 'resume' }
  | { readonly kind: 'setPriority'; readonly priorityClass: PriorityClassName }
  | { readonly kind: 'setAffinity'; readonly processors: readonly number[] };

const WORDS: { readonly [K in ProcessActionKind]: ActionWords } = {
  terminate: { verb: 'terminate', done: 'Terminated' },
  terminateTree: { verb: 'terminate the tree of', done: 'Terminated the tree of' },
  suspend: { verb: 'suspend', done: 'Suspended' },
  resume: { verb: 'resume', done: 'Resumed' },
  setPriority: { verb: 'set the priority of', done: 'Set the priority of' },
  setAffinity: { verb: 'set the affinity of', done: 'Set the affinity of' },
};

/** The notice while an action is under way ("Terminate notepad.exe (PID 12)…"): it replaces the last outcome. */
export function actionStartedText(kind: ProcessActionKind, subject: string): string {
  const { verb } = WORDS[kind];
  return `${verb.charAt(0).toUpperCase()}${verb.slice(1)} ${subject}…`;
}

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

/**
 * Turns per-target results into one toast (shared/action-results: all done -> info; any failure -> an
 * error naming each failed process and why), plus the targets refused only for being critical.
 */
export function summarizeResults(
  kind: ProcessActionKind,
  results: ActionResultsValue['results'],
): ActionOutcome {
  const criticalRefused = results
    .filter((r) => !r.ok && isCriticalRefusal(r))
    .map((r) => ({ pid: r.pid, createTime: r.createTime }));
  const toast = summarizeItems(results, WORDS[kind], (r) => processLabel(r.name, r.pid), (n) => `${n} processes`);
  return { toast, criticalRefused };
}

/** The toast for a whole call that failed (not per target); null for CANCELLED: the admin said no. */
export function callFailureToast(kind: ProcessActionKind, count: number, error: ApiError): ToastInput | null {
  return callFailureToastFor(WORDS[kind].verb, count === 1 ? 'the process' : `${count} processes`, error);
}

/** Logical processors an affinity may name: one processor group (0-63), as the contract allows. */
export function affinityProcessors(logicalProcessors: number): number[] {
  return Array.from({ length: Math.max(1, Math.min(64, logicalProcessors)) }, (_, i) => i);
}
