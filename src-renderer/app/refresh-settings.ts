/**
 * The refresh controls' logic: the interval presets admins know from System Informer and Task Manager
 * (0.5-10 s), and the settings:setRefresh requests the controls send.
 */
import type { RequestOf } from '../../src-preload/contract/schemas';

/** The interval presets offered, in ms. */
export const INTERVAL_CHOICES_MS: readonly number[] = [500, 1000, 2000, 5000, 10_000];

/** The contract's bounds for the refresh interval (settings:setRefresh rejects anything else). */
export const MIN_INTERVAL_MS = 500;
export const MAX_INTERVAL_MS = 10_000;

/** The presets, plus the current interval when settings hold one that is not a preset (so it still shows). */
export function intervalChoices(currentMs: number | undefined): readonly number[] {
  if (currentMs === undefined || INTERVAL_CHOICES_MS.includes(currentMs)) return INTERVAL_CHOICES_MS;
  return [...INTERVAL_CHOICES_MS, currentMs].sort((a, b) => a - b);
}

/** The request for a new interval picked in the select (its value is ms as text); null when out of range. */
export function intervalRequest(selectValue: string): RequestOf<'settings:setRefresh'> | null {
  const intervalMs = Number(selectValue);
  if (!Number.isInteger(intervalMs) || intervalMs < MIN_INTERVAL_MS || intervalMs > MAX_INTERVAL_MS) return null;
  return { intervalMs };
}

/** The request the Pause/Resume button sends: the opposite of the current state. */
export function togglePauseRequest(currentlyPaused: boolean): RequestOf<'settings:setRefresh'> {
  return { paused: !currentlyPaused };
}
