import { describe, expect, it } from 'vitest';
import {
  appendSample,
  HISTORY_WINDOW_MS,
  historyReducer,
  initialHistoryState,
  MAX_SAMPLES,
  mergeHistory,
  trimHistory,
  withReasons,
  type HistoryState,
} from './history';
import type { PerformanceSampleValue } from '../../src-preload/contract/schemas';
import { currentValues } from './summary';
import { sample, series } from './test-samples';

const T0 = 1_700_000_000_000;
const WINE_HANDLES = "Wine reports each process's handle-table capacity, not its handle count";

/** A pushed sample whose reasons did not change: main leaves `unreported` out (handles still unknown). */
function unchanged(time: number): PerformanceSampleValue {
  const { unreported: _left, ...rest } = sample(time, 10, { extra: { handleCount: null } });
  return rest;
}
/** A sample that carries the reasons (the first push, a change, or a history answer's newest). */
const withWineReasons = (time: number) => sample(time, 10, { extra: { handleCount: null, unreported: { handleCount: WINE_HANDLES } } });

describe('trimHistory', () => {
  it('keeps everything within ten minutes of the newest sample and returns the same array', () => {
    const samples = series(T0, 600, 1000); // 599 s
    expect(trimHistory(samples)).toBe(samples);
  });

  it('drops samples older than ten minutes before the newest, by the samples own clock', () => {
    const samples = series(T0, 700, 1000); // 699 s of history
    const trimmed = trimHistory(samples);
    expect(trimmed[0]?.time).toBe(T0 + 99_000);
    expect(trimmed[trimmed.length - 1]?.time).toBe(T0 + 699_000);
    expect(trimmed).toHaveLength(601);
  });

  it('keeps a sample exactly at the window edge', () => {
    const samples = [sample(T0), sample(T0 + HISTORY_WINDOW_MS)];
    expect(trimHistory(samples)).toHaveLength(2);
    expect(trimHistory([sample(T0 - 1), ...samples])).toHaveLength(2);
  });

  it('caps the count even when timestamps bunch up', () => {
    const samples = series(T0, MAX_SAMPLES + 50, 10);
    const trimmed = trimHistory(samples);
    expect(trimmed).toHaveLength(MAX_SAMPLES);
    expect(trimmed[trimmed.length - 1]).toBe(samples[samples.length - 1]);
  });

  it('handles an empty history and a custom window', () => {
    expect(trimHistory([])).toEqual([]);
    expect(trimHistory(series(T0, 10, 1000), 3000)).toHaveLength(4);
  });
});

describe('appendSample', () => {
  it('appends a newer sample and trims the oldest out of the window', () => {
    const samples = series(T0, 601, 1000); // exactly 600 s
    const next = appendSample(samples, sample(T0 + 601_000));
    expect(next).toHaveLength(601);
    expect(next[0]?.time).toBe(T0 + 1000);
  });

  it('ignores a duplicate of the newest sample', () => {
    const samples = series(T0, 3, 1000);
    expect(appendSample(samples, sample(T0 + 2000))).toBe(samples);
  });

  it('starts over when the wall clock went backwards', () => {
    const samples = series(T0, 3, 1000);
    const back = sample(T0 - 60_000);
    expect(appendSample(samples, back)).toEqual([back]);
  });

  it('carries the newest reasons forward to a sample pushed without them, and takes a changed map as sent', () => {
    let samples = appendSample([withWineReasons(T0)], unchanged(T0 + 1000));
    samples = appendSample(samples, unchanged(T0 + 2000));
    expect(samples[2]?.unreported).toEqual({ handleCount: WINE_HANDLES });
    // The figure still shows as unknown with its reason, two pushes after the reason was last sent.
    expect(currentValues(samples).figures.handleCount).toEqual({ text: '—', value: null, reason: WINE_HANDLES });
    samples = appendSample(samples, sample(T0 + 3000, 10, { extra: { unreported: {} } }));
    samples = appendSample(samples, unchanged(T0 + 4000));
    expect(samples[4]?.unreported).toEqual({});
    // Also across a wall clock set back.
    expect(appendSample([withWineReasons(T0)], unchanged(T0 - 60_000))[0]?.unreported).toEqual({ handleCount: WINE_HANDLES });
  });

  it('withReasons leaves a sample alone when it has its own reasons or there are none to carry', () => {
    const own = withWineReasons(T0 + 1000);
    expect(withReasons(own, sample(T0, 10, { extra: { unreported: {} } }))).toBe(own);
    const bare = unchanged(T0 + 1000);
    expect(withReasons(bare, undefined)).toBe(bare);
  });

  it('does not change the input array', () => {
    const samples = series(T0, 3, 1000);
    appendSample(samples, sample(T0 + 5000));
    expect(samples).toHaveLength(3);
  });
});

describe('mergeHistory', () => {
  it('keeps live samples newer than the history, in order, and drops those it already holds', () => {
    const history = series(T0, 5, 1000);
    const live = [sample(T0 + 3000), sample(T0 + 4000), sample(T0 + 5000), sample(T0 + 6000)];
    const merged = mergeHistory(history, live);
    expect(merged.map((s) => s.time - T0)).toEqual([0, 1000, 2000, 3000, 4000, 5000, 6000]);
  });

  it("gives live samples pushed without reasons the history's, which only its newest sample carries", () => {
    const history = [unchanged(T0), unchanged(T0 + 1000), withWineReasons(T0 + 2000)];
    const merged = mergeHistory(history, [unchanged(T0 + 2000), unchanged(T0 + 3000)]);
    expect(merged.map((s) => s.time - T0)).toEqual([0, 1000, 2000, 3000]);
    expect(merged[3]?.unreported).toEqual({ handleCount: WINE_HANDLES });
  });

  it('uses the live samples alone when the history is empty', () => {
    const live = [sample(T0), sample(T0 + 1000)];
    expect(mergeHistory([], live)).toEqual(live);
  });
});

describe('historyReducer', () => {
  const history = { intervalMs: 1000, samples: series(T0, 3, 1000) };

  it('holds samples pushed while the history loads, then merges them after it', () => {
    let state = historyReducer(initialHistoryState, { type: 'sample', sample: sample(T0 + 2000) });
    state = historyReducer(state, { type: 'sample', sample: sample(T0 + 3000) });
    expect(state.status).toBe('loading');
    expect(state.samples).toHaveLength(0);
    expect(state.pending).toHaveLength(2);
    state = historyReducer(state, { type: 'history-loaded', history });
    expect(state.status).toBe('ready');
    expect(state.pending).toHaveLength(0);
    expect(state.samples.map((s) => s.time - T0)).toEqual([0, 1000, 2000, 3000]);
  });

  it('a view that mounts after the reasons were last pushed still shows why a figure is unknown', () => {
    // Pushed while the history is on its way: no reasons (they did not change), nothing to carry yet.
    let state = historyReducer(initialHistoryState, { type: 'sample', sample: unchanged(T0 + 3000) });
    expect(state.pending[0]?.unreported).toBeUndefined();
    state = historyReducer(state, { type: 'history-loaded', history: { intervalMs: 1000, samples: [unchanged(T0 + 1000), withWineReasons(T0 + 2000)] } });
    state = historyReducer(state, { type: 'sample', sample: unchanged(T0 + 4000) });
    expect(state.samples.map((s) => s.time - T0)).toEqual([1000, 2000, 3000, 4000]);
    expect(currentValues(state.samples).figures.handleCount.reason).toBe(WINE_HANDLES);
  });

  it('appends samples once ready and keeps the same state for a duplicate', () => {
    let state = historyReducer(initialHistoryState, { type: 'history-loaded', history });
    state = historyReducer(state, { type: 'sample', sample: sample(T0 + 3000) });
    expect(state.samples).toHaveLength(4);
    expect(historyReducer(state, { type: 'sample', sample: sample(T0 + 3000) })).toBe(state);
  });

  it('after a failed history, records the error and still charts live samples', () => {
    const error = { code: 'WIN32' as const, message: 'The handle is invalid.', win32Code: 6 };
    let state: HistoryState = historyReducer(initialHistoryState, { type: 'sample', sample: sample(T0) });
    state = historyReducer(state, { type: 'history-failed', error });
    expect(state.status).toBe('failed');
    expect(state.error).toEqual(error);
    expect(state.samples).toHaveLength(1);
    state = historyReducer(state, { type: 'sample', sample: sample(T0 + 1000) });
    expect(state.samples).toHaveLength(2);
  });

  it('a second history answer keeps live samples newer than it', () => {
    let state = historyReducer(initialHistoryState, { type: 'history-loaded', history });
    state = historyReducer(state, { type: 'sample', sample: sample(T0 + 3000) });
    state = historyReducer(state, { type: 'history-loaded', history });
    expect(state.samples.map((s) => s.time - T0)).toEqual([0, 1000, 2000, 3000]);
  });
});
