import { describe, expect, it } from 'vitest';
import { byteAxis, MIN_WINDOW_MS, niceStep, timeDomain, timeTicks, valueAxis } from './chart-axes';

const MB = 1024 ** 2;
const GB = 1024 ** 3;
const MINUTE = 60_000;

/** Every step between neighbouring ticks. */
function steps(ticks: readonly number[]): number[] {
  return ticks.slice(1).map((t, i) => t - (ticks[i] as number));
}

describe('niceStep', () => {
  it('rounds up to 1, 2 or 5 times a power of ten', () => {
    expect([0.3, 0.7, 1, 1.2, 3, 7, 30, 32.5, 250].map(niceStep)).toEqual([0.5, 1, 1, 2, 5, 10, 50, 50, 500]);
  });
});

describe('valueAxis', () => {
  it('runs from 0 to a round top in equal 1-2-5 steps', () => {
    expect(valueAxis([12, 130, null])).toEqual({ domain: [0, 150], ticks: [0, 50, 100, 150] });
    expect(valueAxis([3.2])).toEqual({ domain: [0, 4], ticks: [0, 1, 2, 3, 4] });
  });

  it('ignores unknown readings and uses emptyTop when nothing is known', () => {
    expect(valueAxis([null, Number.NaN], { emptyTop: 1 })).toEqual({ domain: [0, 1], ticks: [0, 0.5, 1] });
  });

  it('keeps integer steps for counts, evenly spaced', () => {
    expect(valueAxis([3], { integer: true }).ticks).toEqual([0, 1, 2, 3]);
    expect(valueAxis([7], { integer: true }).ticks).toEqual([0, 2, 4, 6, 8]);
    expect(valueAxis([0], { integer: true }).ticks).toEqual([0, 1]);
  });
});

describe('byteAxis', () => {
  it('draws 1.3 GB on a 1.5 GB axis, not a 24 GB one', () => {
    const axis = byteAxis([1.3 * GB]);
    expect(axis.ticks.map(axis.format)).toEqual(['0.0 GB', '0.5 GB', '1.0 GB', '1.5 GB']);
    expect(axis.domain).toEqual([0, 1.5 * GB]);
  });

  it('steps in 1-2-5 (not 0/30/60/120 MB or 0/1/2/4 MB)', () => {
    const big = byteAxis([110 * MB]);
    expect(big.ticks.map(big.format)).toEqual(['0 MB', '50 MB', '100 MB', '150 MB']);
    const small = byteAxis([3.5 * MB]);
    expect(small.ticks.map(small.format)).toEqual(['0 MB', '1 MB', '2 MB', '3 MB', '4 MB']);
    expect(new Set(steps(small.ticks)).size).toBe(1);
  });

  it('never prints the same label twice, even for a narrow range', () => {
    for (const top of [0.3 * MB, 1.1 * MB, 1.9 * MB, 700 * 1024, 5000, 2.2 * GB, 17 * GB]) {
      const axis = byteAxis([top]);
      const labels = axis.ticks.map(axis.format);
      expect(new Set(labels).size, labels.join(', ')).toBe(labels.length);
      expect(axis.domain[1]).toBeGreaterThanOrEqual(top);
    }
  });

  it('shows 0..1 MB while nothing is known, without reading unknown as 0', () => {
    const axis = byteAxis([null, null]);
    expect(axis.unit).toBe('MB');
    expect(axis.domain).toEqual([0, MB]);
  });
});

describe('timeDomain', () => {
  it('starts at the first sample and grows, instead of a ten-minute window with a sliver at the right', () => {
    const t0 = 1_700_000_000_000;
    expect(timeDomain(t0, t0 + 30_000, 10 * MINUTE)).toEqual([t0, t0 + 30_000]);
    expect(timeDomain(t0, t0, 10 * MINUTE)).toEqual([t0, t0 + MIN_WINDOW_MS]);
  });

  it('slides once the history is wider than the window', () => {
    const t0 = 1_700_000_000_000;
    expect(timeDomain(t0, t0 + 15 * MINUTE, 10 * MINUTE)).toEqual([t0 + 5 * MINUTE, t0 + 15 * MINUTE]);
  });
});

describe('timeTicks', () => {
  const t0 = new Date(2026, 11, 3, 14, 0, 7).getTime();

  it('puts ticks on round clock times with distinct labels for a short history', () => {
    const { ticks, format } = timeTicks(t0, t0 + 40_000);
    expect(ticks.map(format)).toEqual(['14:00:10', '14:00:20', '14:00:30', '14:00:40']);
  });

  it('never repeats a label, whatever the span', () => {
    for (const span of [1_000, 9_000, 65_000, 3 * MINUTE, 10 * MINUTE, 2 * 60 * MINUTE]) {
      const { ticks, format } = timeTicks(t0, t0 + span);
      const labels = ticks.map(format);
      expect(labels.length).toBeGreaterThan(0);
      expect(labels.length).toBeLessThanOrEqual(6);
      expect(new Set(labels).size, labels.join(', ')).toBe(labels.length);
    }
  });

  it('labels whole minutes without seconds over ten minutes', () => {
    const { ticks, format } = timeTicks(t0, t0 + 10 * MINUTE);
    expect(ticks.map(format)).toEqual(['14:02', '14:04', '14:06', '14:08', '14:10']);
  });

  it('has no ticks for an empty span', () => {
    expect(timeTicks(t0, t0).ticks).toEqual([]);
  });
});
