import { describe, expect, it } from 'vitest';
import { formatDelay, restartDelayMs, restartSchedule } from './restart-schedule';

const defaults = { baseMs: 1000, factorPercent: 200, capMs: 60_000, jitterPercent: 20, maxCount: 5, windowSec: 600, resetSec: 300 };

describe('restart schedule', () => {
  it('doubles from the base and says when it gives up (the contract defaults)', () => {
    const s = restartSchedule(defaults);
    expect(s.delaysMs).toEqual([1000, 2000, 4000, 8000, 16_000]);
    expect(s.text).toBe('1 s, 2 s, 4 s, 8 s, 16 s (±20%), then give up after 5 restarts in 10 min; the count starts over after 5 min running.');
  });

  it('stops growing at the cap', () => {
    expect(restartSchedule({ ...defaults, maxCount: 10, capMs: 10_000 }).delaysMs).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000]);
    expect(restartDelayMs({ baseMs: 500, factorPercent: 150, capMs: 3_600_000 }, 3)).toBe(1125);
    expect(restartDelayMs({ baseMs: 5000, factorPercent: 100, capMs: 5000 }, 1000)).toBe(5000);
  });

  it('shortens a long schedule and lists at most 50 delays', () => {
    const s = restartSchedule({ ...defaults, maxCount: 1000, jitterPercent: 0 });
    expect(s.delaysMs).toHaveLength(50);
    expect(s.text).toBe('1 s, 2 s, 4 s, 8 s, 16 s, 32 s ... 1 min, then give up after 1000 restarts in 10 min; the count starts over after 5 min running.');
  });

  it('says so when it never restarts', () => {
    expect(restartSchedule({ ...defaults, maxCount: 0 })).toMatchObject({ delaysMs: [], text: expect.stringMatching(/^Never restarts/) });
  });

  it('words delays as an admin reads them', () => {
    expect([250, 1000, 1500, 60_000, 90_000, 3_600_000, 3_900_000].map(formatDelay)).toEqual(['250 ms', '1 s', '1.5 s', '1 min', '1 min 30 s', '1 h', '1 h 5 min']);
  });
});
