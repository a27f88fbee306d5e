/**
 * The progress of controls waiting on pending services, from `services:progress` events: the latest event
 * per service (by store key), gone once an event says `finished`, or when events stop coming (main gave
 * up or went away: the bar must not freeze on screen forever). Pure, so the model is unit tested.
 */
import type { ServiceProgressValue } from '../../src-preload/contract/service-schemas';
import { STATE_LABELS } from './service-columns';
import { serviceKey } from './service-store';

/** The latest progress event of one service, with when it arrived (renderer clock). */
export interface LiveProgress {
  readonly event: ServiceProgressValue;
  readonly receivedAt: number;
}

/** Progress by service key. Replaced (never mutated) on every change. */
export type ProgressMap = ReadonlyMap<string, LiveProgress>;

/** An empty map. */
export const NO_PROGRESS: ProgressMap = new Map();

/**
 * Main pushes several times a second while it waits; this long without an event means it stopped waiting
 * without a `finished` event reaching us, so the bar goes.
 */
export const PROGRESS_STALE_MS = 3000;

/** Applies one event: the service's latest progress, or no entry once it is finished. */
export function applyProgress(map: ProgressMap, event: ServiceProgressValue, now: number): ProgressMap {
  const key = serviceKey(event.name);
  const next = new Map(map);
  if (event.finished) next.delete(key);
  else next.set(key, { event, receivedAt: now });
  return next;
}

/** Drops progress that has had no event for `maxAgeMs`. Returns the same map when nothing went. */
export function pruneProgress(map: ProgressMap, now: number, maxAgeMs = PROGRESS_STALE_MS): ProgressMap {
  let next: Map<string, LiveProgress> | null = null;
  for (const [key, p] of map) {
    if (now - p.receivedAt < maxAgeMs) continue;
    next ??= new Map(map);
    next.delete(key);
  }
  return next ?? map;
}

/**
 * How far the wait hint is used up: msSinceProgress / waitHint in 0..1 (main gives up with TIMEOUT at 1).
 * Null when the service gave no wait hint: the bar is indeterminate.
 */
export function progressFraction(event: Pick<ServiceProgressValue, 'msSinceProgress' | 'waitHint'>): number | null {
  if (event.waitHint <= 0) return null;
  return Math.min(1, Math.max(0, event.msSinceProgress / event.waitHint));
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** "Start pending · checkpoint 3 · 1.2 s of 5.0 s wait hint" (or "no wait hint"). */
export function progressText(event: ServiceProgressValue): string {
  const hint = event.waitHint > 0 ? `${seconds(event.msSinceProgress)} of ${seconds(event.waitHint)} wait hint` : 'no wait hint';
  return `${STATE_LABELS[event.state]} · checkpoint ${event.checkPoint} · ${hint}`;
}
