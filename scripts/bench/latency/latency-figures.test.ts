import { describe, expect, it } from 'vitest';
import { clockOffset, lastLogTime, latencyTargets, median, pairEvents, parseStampFile, summarizeLatency } from './latency-figures.mjs';

describe('median', () => {
  it('takes the middle of an odd count and the mean of the two middles of an even one, whatever the order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([40, 10, 30, 20])).toBe(25);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNull();
  });
});

describe('pairEvents', () => {
  const t0 = 1_764_000_000_000;
  it('pairs each event with its own screen time by id, in the events order', () => {
    const pairs = pairEvents(
      [
        { id: 'a', eventMs: t0 },
        { id: 'b', eventMs: t0 + 5000 },
      ],
      [
        { id: 'b', screenMs: t0 + 5300 },
        { id: 'a', screenMs: t0 + 120.5 },
      ],
      1,
    );
    expect(pairs.map((p) => [p.id, p.latencyMs])).toEqual([
      ['a', 120.5],
      ['b', 300],
    ]);
  });

  it('fails on an event never shown, a screen time recorded twice, or one earlier than the clocks allow', () => {
    expect(() => pairEvents([{ id: 'a', eventMs: t0 }], [], 1)).toThrow('event a was never shown on screen');
    expect(() =>
      pairEvents(
        [{ id: 'a', eventMs: t0 }],
        [
          { id: 'a', screenMs: t0 + 1 },
          { id: 'a', screenMs: t0 + 2 },
        ],
        1,
      ),
    ).toThrow('recorded twice');
    expect(() => pairEvents([{ id: 'a', eventMs: t0 }], [{ id: 'a', screenMs: t0 - 5 }], 1)).toThrow('shown 5.0 ms before it happened');
  });

  it('takes, per event, the first arrival of its push under its key from the event on (null without one)', () => {
    const arrivals = [
      { key: 'process:8', ms: t0 - 900 }, // an earlier process with the same PID
      { key: 'process:9', ms: t0 + 400 },
      { key: 'process:8', ms: t0 + 600 },
      { key: 'process:8', ms: t0 + 700 },
    ];
    const pairs = pairEvents(
      [
        { id: 'a', eventMs: t0, arrivalKey: 'process:8' },
        { id: 'b', eventMs: t0, arrivalKey: 'process:7' },
        { id: 'c', eventMs: t0 },
      ],
      [
        { id: 'a', screenMs: t0 + 650 },
        { id: 'b', screenMs: t0 + 650 },
        { id: 'c', screenMs: t0 + 650 },
      ],
      1,
      arrivals,
    );
    expect(pairs.map((p) => p.arrivedMs)).toEqual([t0 + 600, null, null]);
  });

  it('accepts a screen time just before the event when within the clocks bound (the clocks, not the order, are off)', () => {
    expect(pairEvents([{ id: 'a', eventMs: t0 }], [{ id: 'a', screenMs: t0 - 0.4 }], 0.5)[0]?.latencyMs).toBeCloseTo(-0.4);
  });
});

describe('summarizeLatency', () => {
  it('reports count, median, worst, the target and whether the worst meets it', () => {
    const pairs = [120, 480, 1000, 90].map((latencyMs) => ({ latencyMs }));
    expect(summarizeLatency(pairs, 1100)).toEqual({ events: 4, medianMs: 300, worstMs: 1000, targetMs: 1100, met: true, latenciesMs: [120, 480, 1000, 90] });
    expect(summarizeLatency(pairs, 999).met).toBe(false);
  });

  it('adds event-to-page figures only when every event has its arrival', () => {
    const pairs = [
      { latencyMs: 300, eventMs: 1000, arrivedMs: 1250 },
      { latencyMs: 900, eventMs: 5000, arrivedMs: 5050 },
      { latencyMs: 500, eventMs: 9000, arrivedMs: 9400 },
    ];
    expect(summarizeLatency(pairs, 1100)).toMatchObject({ medianMs: 500, toPageMedianMs: 250, toPageWorstMs: 400 });
    expect(summarizeLatency([...pairs, { latencyMs: 1, eventMs: 1, arrivedMs: null }], 1100)).not.toHaveProperty('toPageMedianMs');
  });

  it('a worst exactly at the target meets it', () => {
    expect(summarizeLatency([{ latencyMs: 250 }], 250).met).toBe(true);
  });

  it('refuses to summarize nothing', () => {
    expect(() => summarizeLatency([], 250)).toThrow('no events');
  });
});

describe('latencyTargets', () => {
  it('holds tables to their own interval + 100 ms, the exited row one interval more, and a run to 250 ms', () => {
    expect(latencyTargets({ refreshIntervalMs: 1000, servicePollMs: 2000 })).toEqual({ processExit: 1100, processGone: 2100, serviceState: 2100, runEnd: 250, runEndAfterFlood: 250 });
    expect(latencyTargets({ refreshIntervalMs: 500, servicePollMs: 2000 })).toEqual({ processExit: 600, processGone: 1100, serviceState: 2100, runEnd: 250, runEndAfterFlood: 250 });
  });
});

describe('clockOffset', () => {
  it('trusts the shortest round trip: the offset from its midpoint, give or take half of it', () => {
    const samples = [
      { beforeMs: 1000, otherMs: 1100, afterMs: 1200 },
      { beforeMs: 2000, otherMs: 2001.5, afterMs: 2002 },
      { beforeMs: 3000, otherMs: 3000, afterMs: 3010 },
    ];
    expect(clockOffset(samples)).toEqual({ offsetMs: 0.5, boundMs: 1, samples: 3 });
  });

  it('needs a sample', () => {
    expect(() => clockOffset([])).toThrow('no clock samples');
  });
});

describe('the helpers files', () => {
  it('reads the last time a test-service log says a line, and nothing from other lines', () => {
    const log = '1764000000000.125 started pid 3 binary arguments []\r\n1764000000100.500 state running\r\n1764000000900.000 control stop (1)\r\n1764000000901.250 state stopped\r\n1764000002000.000 state running\r\n';
    expect(lastLogTime(log, 'state running')).toBe(1764000002000);
    expect(lastLogTime(log, 'state stopped')).toBe(1764000000901.25);
    expect(lastLogTime(log, 'state paused')).toBeNull();
    expect(lastLogTime('12 state stopped checkpoint 1\r\n', 'state stopped')).toBeNull();
  });

  it('reads a stamp file before and after the exit', () => {
    expect(parseStampFile('pid 412\n')).toEqual({ pid: 412, exitMs: null });
    expect(parseStampFile('pid 412\nexit 1764000000123.456\n')).toEqual({ pid: 412, exitMs: 1764000000123.456 });
    expect(parseStampFile('')).toEqual({ pid: null, exitMs: null });
  });
});
