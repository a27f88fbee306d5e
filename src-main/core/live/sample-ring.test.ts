import { describe, expect, it } from 'vitest';
import { CHART_HISTORY_MS, MAX_CHART_SAMPLES, ringBytes, SampleRing } from './sample-ring';

const COLUMNS = ['cpuTimeMs', 'workingSetBytes', 'peakJobMemoryBytes'] as const;
const sample = (time: number, cpuTimeMs: number | null = time) => ({ time, cpuTimeMs, workingSetBytes: 1000, peakJobMemoryBytes: null });

describe('SampleRing', () => {
  it('keeps samples oldest first, nulls as nulls, and ignores a repeated or older tick', () => {
    const ring = new SampleRing(COLUMNS, 4);
    ring.push(sample(1000, null));
    ring.push(sample(2000));
    ring.push(sample(2000, 5));
    ring.push(sample(1500));
    expect(ring.toArray()).toEqual([sample(1000, null), sample(2000)]);
  });

  it('is bounded by count: the oldest go first when full', () => {
    const ring = new SampleRing(COLUMNS, 3);
    for (let t = 1; t <= 5; t++) ring.push(sample(t * 1000));
    expect(ring.toArray().map((s) => s.time)).toEqual([3000, 4000, 5000]);
    expect(ring.size).toBe(3);
  });

  it('is bounded by age: nothing older than ten minutes before the newest sample', () => {
    const ring = new SampleRing(COLUMNS);
    for (let t = 0; t <= 15 * 60; t += 5) ring.push(sample(t * 1000));
    const times = ring.toArray().map((s) => s.time);
    expect(times[0]).toBe(15 * 60 * 1000 - CHART_HISTORY_MS);
    expect(times[times.length - 1]).toBe(15 * 60 * 1000);
    expect(times).toHaveLength(121);
  });

  it('holds ten minutes at the fastest refresh (0.5 s) in its fixed 38,400 bytes', () => {
    expect(ringBytes(3)).toBe(38_400);
    const ring = new SampleRing(COLUMNS);
    for (let i = 0; i <= 1300; i++) ring.push(sample(i * 500));
    expect(ring.size).toBe(MAX_CHART_SAMPLES);
    expect(ring.toArray()[0]?.time).toBe((1300 - MAX_CHART_SAMPLES + 1) * 500);
  });

  it('turns the held values of the named columns into gaps', () => {
    const ring = new SampleRing(COLUMNS, 4);
    ring.push({ time: 1, cpuTimeMs: 0, workingSetBytes: 10, peakJobMemoryBytes: 0 });
    ring.forget(['cpuTimeMs', 'peakJobMemoryBytes']);
    expect(ring.toArray()).toEqual([{ time: 1, cpuTimeMs: null, workingSetBytes: 10, peakJobMemoryBytes: null }]);
  });
});

