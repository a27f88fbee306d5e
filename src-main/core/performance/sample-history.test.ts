import { describe, expect, it } from 'vitest';
import { SampleHistory } from './sample-history';

describe('SampleHistory', () => {
  it('drops samples older than the window', () => {
    const h = new SampleHistory<{ time: number }>(1000, 100);
    for (const time of [0, 400, 800, 1200, 1600]) h.add({ time });
    expect(h.toArray().map((s) => s.time)).toEqual([800, 1200, 1600]);
  });
  it('never holds more than its count bound', () => {
    const h = new SampleHistory<{ time: number }>(1e9, 3);
    for (let time = 0; time < 10; time++) h.add({ time });
    expect(h.toArray().map((s) => s.time)).toEqual([7, 8, 9]);
    expect(h.size).toBe(3);
  });
  it('returns a copy', () => {
    const h = new SampleHistory<{ time: number }>(1000, 10);
    h.add({ time: 1 });
    h.toArray().pop();
    expect(h.size).toBe(1);
  });
});
