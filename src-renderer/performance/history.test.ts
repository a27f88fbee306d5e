import { describe, expect, it } from 'vitest';
import {
  appendSample,
  HISTORY_WINDOW_MS,
  historyReducer,
  initialHistoryState,
  MAX_SAMPLES,
  mergeHistory,
  trimHistory,
  type HistoryState,
} from './history';
import { sample, series } from './test-samples';

const T0 = 1_700_000_000_000;

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
