/**
 * The controls an admin can take on selected services: which ones a row's state allows, and how the
 * per-service results read (a toast of what failed and why; CANCELLED, the admin declining main's dialog,
 * is no failure). Pure, so the rules and the wording are unit tested.
 */
import type { SERVICE_CONTROL_VERBS, ServiceActionResultsValue, ServiceRowValue } from '../../src-preload/contract/service-schemas';
import { summarizeItems, type ActionWords } from '../shared/action-results';
import type { ToastInput } from '../shared/toast-store';

/** start, stop, pause, continue, restart: one channel each (`services:<verb>`). */
export type ServiceVerb = (typeof SERVICE_CONTROL_VERBS)[number];

/** The verbs in toolbar order. */
export const SERVICE_VERBS: readonly ServiceVerb[] = ['start', 'stop', 'pause', 'continue', 'restart'];

/** The contract's cap on services per control request. */
export const MAX_SERVICE_TARGETS = 64;

/** Words of each control. */
export const VERB_WORDS: { readonly [V in ServiceVerb]: ActionWords & { readonly label: string } } = {
  start: { label: 'Start…', verb: 'start', done: 'Started' },
  stop: { label: 'Stop', verb: 'stop', done: 'Stopped' },
  // "service" in the label: the refresh control's "Pause updates" sits in the same window.
  pause: { label: 'Pause service', verb: 'pause', done: 'Paused' },
  continue: { label: 'Continue service', verb: 'continue', done: 'Continued' },
  restart: { label: 'Restart', verb: 'restart', done: 'Restarted' },
};

/**
 * True when the service's state allows the control, as services.msc greys its buttons: start a stopped
 * service that is not disabled (1058); stop one that accepts stop (canStop, SERVICE_ACCEPT_STOP); pause a
 * running one and continue a paused one that accept pause/continue; restart one that can be stopped.
 */
export function canControl(row: Pick<ServiceRowValue, 'state' | 'canStop' | 'canPauseContinue' | 'startType'>, verb: ServiceVerb): boolean {
  switch (verb) {
    case 'start':
      return row.state === 'stopped' && row.startType !== 'disabled';
    case 'stop':
      return row.canStop;
    case 'pause':
      return row.canPauseContinue && row.state === 'running';
    case 'continue':
      return row.canPauseContinue && row.state === 'paused';
    case 'restart':
      return row.canStop && (row.state === 'running' || row.state === 'paused');
  }
}

/** Splits targets into those the control applies to and those it skips (their state does not allow it). */
export function eligibleTargets<R extends Pick<ServiceRowValue, 'name' | 'state' | 'canStop' | 'canPauseContinue' | 'startType'>>(
  rows: readonly R[],
  verb: ServiceVerb,
): { readonly targets: R[]; readonly skipped: R[] } {
  const targets: R[] = [];
  const skipped: R[] = [];
  for (const r of rows) (canControl(r, verb) ? targets : skipped).push(r);
  return { targets, skipped };
}

/** Start arguments from the start dialog: one per line; empty lines (a trailing newline) are no argument. */
export function parseStartArguments(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => line !== '');
}

type ServiceResult = ServiceActionResultsValue['results'][number];

/** What the view shows after a control: a toast (or none), and how many the admin declined in main's dialog. */
export interface ServiceOutcome {
  readonly toast: ToastInput | null;
  readonly cancelled: number;
}

/**
 * Per-service results as one toast. Results CANCELLED (the admin declined main's confirmation) are left
 * out of it and counted; the rest read like every action in the console: "Stopped Spooler", or "Could
 * not start 2 of 3 services" naming each with main's message (1056 already running, ...) and the codes.
 */
export function summarizeServiceResults(verb: ServiceVerb, results: readonly ServiceResult[]): ServiceOutcome {
  const decided = results.filter((r) => r.ok || r.error?.code !== 'CANCELLED');
  const toast = summarizeItems(decided, VERB_WORDS[verb], (r) => r.name, (n) => (n === 1 ? '1 service' : `${n} services`));
  return { toast, cancelled: results.length - decided.length };
}
