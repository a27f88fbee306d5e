/**
 * The Performance view's history: the samples main already holds (performance:getHistory) followed by
 * every pushed performance:changed sample, cut to the last ten minutes. All pure, so it is unit tested.
 */
import type { ApiError } from '../../src-preload/contract/errors';
import type { PerformanceHistoryValue, PerformanceSampleValue } from '../../src-preload/contract/schemas';

/** How much history the view keeps and charts: ten minutes, as main does. */
export const HISTORY_WINDOW_MS = 10 * 60 * 1000;

/** Ten minutes at the fastest refresh (0.5 s), the contract's cap; a guard should timestamps bunch up. */
export const MAX_SAMPLES = 1200;

/**
 * Keeps the samples no older than `windowMs` before the newest one (and at most `maxSamples`).
 * Trims by the samples' own clock, not the page's, so a sleeping page does not throw history away.
 * Returns the same array when nothing is cut, which keeps memoized chart data stable.
 */
export function trimHistory(
  samples: readonly PerformanceSampleValue[],
  windowMs = HISTORY_WINDOW_MS,
  maxSamples = MAX_SAMPLES,
): readonly PerformanceSampleValue[] {
  const newest = samples[samples.length - 1];
  if (!newest) return samples;
  const cutoff = newest.time - windowMs;
  let first = 0;
  // Samples are oldest first, so the ones to drop form a prefix.
  while (first < samples.length && (samples[first]?.time ?? 0) < cutoff) first++;
  first = Math.max(first, samples.length - maxSamples);
  return first === 0 ? samples : samples.slice(first);
}

/**
 * The pushed sample with the reasons it left out: main sends `unreported` only when the reasons changed,
 * so a sample without them has the newest sample's. The view reads the reasons from the newest sample, so
 * a figure whose reason did not change still shows as unknown with that reason.
 */
export function withReasons(sample: PerformanceSampleValue, newest: PerformanceSampleValue | undefined): PerformanceSampleValue {
  return sample.unreported !== undefined || newest?.unreported === undefined ? sample : { ...sample, unreported: newest.unreported };
}

/**
 * Appends one pushed sample (carrying the newest sample's reasons forward when it has none). A sample with
 * the same time as the newest is a duplicate (the history answer and the event can carry the same sample)
 * and is ignored. An older one means the wall clock was set back: one time axis cannot hold both, so the
 * history starts over from the new sample.
 */
export function appendSample(
  samples: readonly PerformanceSampleValue[],
  sample: PerformanceSampleValue,
  windowMs = HISTORY_WINDOW_MS,
): readonly PerformanceSampleValue[] {
  const newest = samples[samples.length - 1];
  if (newest && sample.time === newest.time) return samples;
  const complete = withReasons(sample, newest);
  if (newest && sample.time < newest.time) return [complete];
  return trimHistory([...samples, complete], windowMs);
}

/**
 * Joins the history answer with samples that arrived as events around it: those newer than the
 * history's newest sample are kept, in order; the rest it already holds. A live sample without reasons
 * takes the history's (its newest sample always has them), so a late view knows why a figure is unknown.
 */
export function mergeHistory(
  history: readonly PerformanceSampleValue[],
  live: readonly PerformanceSampleValue[],
  windowMs = HISTORY_WINDOW_MS,
): readonly PerformanceSampleValue[] {
  let merged = trimHistory(history, windowMs);
  for (const sample of live) {
    const newest = merged[merged.length - 1];
    if (!newest || sample.time > newest.time) merged = appendSample(merged, sample, windowMs);
  }
  return merged;
}

/** Where the view is: fetching history, showing it, or showing live samples after history failed. */
export type HistoryStatus = 'loading' | 'ready' | 'failed';

/** The view's state. While loading, pushed samples wait in `pending` so none is lost to the race. */
export interface HistoryState {
  readonly status: HistoryStatus;
  readonly samples: readonly PerformanceSampleValue[];
  readonly pending: readonly PerformanceSampleValue[];
  readonly error: ApiError | null;
}

/** What can happen to the history. */
export type HistoryAction =
  | { readonly type: 'history-loaded'; readonly history: PerformanceHistoryValue }
  | { readonly type: 'history-failed'; readonly error: ApiError }
  | { readonly type: 'sample'; readonly sample: PerformanceSampleValue };

/** The state before the history answer. */
export const initialHistoryState: HistoryState = { status: 'loading', samples: [], pending: [], error: null };

/** The reducer the Performance view runs on: history answer, history failure, and each pushed sample. */
export function historyReducer(state: HistoryState, action: HistoryAction): HistoryState {
  switch (action.type) {
    case 'history-loaded':
      // Also right when history arrives a second time (a remount): live samples newer than it survive.
      return {
        status: 'ready',
        samples: mergeHistory(action.history.samples, [...state.samples, ...state.pending]),
        pending: [],
        error: null,
      };
    case 'history-failed':
      // Live samples still chart; the view says history could not be loaded.
      return {
        status: 'failed',
        samples: mergeHistory(state.samples, state.pending),
        pending: [],
        error: action.error,
      };
    case 'sample':
      if (state.status === 'loading') {
        return { ...state, pending: appendSample(state.pending, action.sample) };
      }
      {
        const samples = appendSample(state.samples, action.sample);
        return samples === state.samples ? state : { ...state, samples };
      }
  }
}
