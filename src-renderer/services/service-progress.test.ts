import { describe, expect, it } from 'vitest';
import type { ServiceProgressValue } from '../../src-preload/contract/service-schemas';
import { applyProgress, NO_PROGRESS, progressFraction, progressText, pruneProgress } from './service-progress';

const event = (over: Partial<ServiceProgressValue> = {}): ServiceProgressValue => ({
  name: 'AdminTestSvc',
  verb: 'start',
  state: 'startPending',
  checkPoint: 2,
  waitHint: 4000,
  msSinceProgress: 1000,
  elapsedMs: 2500,
  finished: false,
  ...over,
});

describe('the progress model', () => {
  it('keeps the latest event per service (case-insensitive) and removes it when finished', () => {
    let map = applyProgress(NO_PROGRESS, event(), 100);
    map = applyProgress(map, event({ name: 'ADMINTESTSVC', checkPoint: 3 }), 200);
    expect(map.size).toBe(1);
    expect(map.get('admintestsvc')).toEqual({ event: event({ name: 'ADMINTESTSVC', checkPoint: 3 }), receivedAt: 200 });
    map = applyProgress(map, event({ finished: true, state: 'running' }), 300);
    expect(map.size).toBe(0);
  });

  it('drops progress no event has refreshed for the stale time, and returns the same map otherwise', () => {
    const map = applyProgress(applyProgress(NO_PROGRESS, event(), 1000), event({ name: 'Other' }), 3500);
    expect(pruneProgress(map, 3900)).toBe(map);
    expect([...pruneProgress(map, 4000).keys()]).toEqual(['other']);
  });

  it('measures the wait hint used up, capped at 1, and is indeterminate without a wait hint', () => {
    expect(progressFraction({ msSinceProgress: 1000, waitHint: 4000 })).toBe(0.25);
    expect(progressFraction({ msSinceProgress: 9000, waitHint: 4000 })).toBe(1);
    expect(progressFraction({ msSinceProgress: 9000, waitHint: 0 })).toBeNull();
  });

  it('describes state, checkpoint and wait hint', () => {
    expect(progressText(event())).toBe('Start pending · checkpoint 2 · 1.0 s of 4.0 s wait hint');
    expect(progressText(event({ state: 'stopPending', waitHint: 0 }))).toBe('Stop pending · checkpoint 2 · no wait hint');
  });
});
