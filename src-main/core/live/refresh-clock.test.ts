import { describe, expect, it } from 'vitest';
import { RefreshClock, type Timers } from './refresh-clock';

/** Manual timers: the test decides when time passes. */
function manualTimers() {
  let now = 0;
  let nextId = 1;
  const pending = new Map<number, { at: number; fn: () => void }>();
  const timers: Timers & { advance(ms: number): Promise<void>; spend(ms: number): void; pendingCount(): number; lastDelay: number } = {
    lastDelay: -1,
    /** Time passing inside a tick (the tick's own work). */
    spend(ms) {
      now += ms;
    },
    setTimeout(fn, ms) {
      timers.lastDelay = ms;
      const id = nextId++;
      pending.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout(h) {
      pending.delete(h as number);
    },
    now: () => now,
    async advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...pending.entries()].filter(([, p]) => p.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        pending.delete(due[0]);
        now = due[1].at;
        due[1].fn();
        await new Promise((r) => setImmediate(r));
      }
      now = end;
    },
    pendingCount: () => pending.size,
  };
  return timers;
}

describe('RefreshClock', () => {
  it('ticks at the interval and stops', async () => {
    const timers = manualTimers();
    const ticks: number[] = [];
    const clock = new RefreshClock(1000, false, () => {}, timers);
    clock.onTick((now) => void ticks.push(now));
    clock.start();
    await timers.advance(3500);
    expect(ticks).toEqual([1000, 2000, 3000]);
    await clock.stop();
    await timers.advance(5000);
    expect(ticks).toHaveLength(3);
  });

  it('pauses, resumes and applies a new interval at once', async () => {
    const timers = manualTimers();
    const ticks: number[] = [];
    const clock = new RefreshClock(1000, false, () => {}, timers);
    clock.onTick((now) => void ticks.push(now));
    clock.start();
    clock.configure(1000, true);
    expect(timers.pendingCount()).toBe(0);
    await timers.advance(5000);
    expect(ticks).toEqual([]);
    clock.configure(500, false);
    expect(timers.lastDelay).toBe(500);
    await timers.advance(1000);
    expect(ticks).toEqual([5500, 6000]);
  });

  it('keeps ticks one interval apart however long each takes, and never back to back after a tick longer than the interval', async () => {
    const timers = manualTimers();
    const ticks: number[] = [];
    let cost = 300;
    const clock = new RefreshClock(1000, false, () => {}, timers);
    clock.onTick((now) => {
      ticks.push(now);
      timers.spend(cost);
    });
    clock.start();
    await timers.advance(3500);
    expect(ticks).toEqual([1000, 2000, 3000]);
    cost = 1500;
    await timers.advance(2600);
    // The tick at 4000 ends at 5500: the next comes a whole interval later, at 6500.
    expect(ticks).toEqual([1000, 2000, 3000, 4000]);
    expect(timers.lastDelay).toBe(1000);
    cost = 0;
    await timers.advance(1000);
    expect(ticks).toEqual([1000, 2000, 3000, 4000, 6500]);
    await clock.stop();
  });

  it('keeps ticking when a listener throws, and still calls the others', async () => {
    const timers = manualTimers();
    const errors: unknown[] = [];
    let good = 0;
    const clock = new RefreshClock(1000, false, (e) => errors.push(e), timers);
    clock.onTick(() => {
      throw new Error('boom');
    });
    clock.onTick(() => void good++);
    clock.start();
    await timers.advance(2000);
    expect(good).toBe(2);
    expect(errors).toHaveLength(2);
  });
});
