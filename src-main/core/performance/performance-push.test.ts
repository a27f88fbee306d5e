import { describe, expect, it } from 'vitest';
import { PerformanceSample, type PerformanceSampleValue } from '../../../src-preload/contract/schemas';
import { PerformancePush } from './performance-push';

const WINE_HANDLES = "Wine reports each process's handle-table capacity, not its handle count";
const WINE_DISK = 'Wine does not report disk counters: DeviceIoControl(IOCTL_DISK_PERFORMANCE) failed with error 50 (The request is not supported.)';

/** A sample as the monitor makes it under Wine: handles and disk unknown, with their reasons. */
function wineSample(time: number, unreported: PerformanceSampleValue['unreported'] = { handleCount: WINE_HANDLES, diskReadBytesPerSec: WINE_DISK, diskWriteBytesPerSec: WINE_DISK }): PerformanceSampleValue {
  return {
    time,
    cpuPercent: 12.5,
    cpuPerCore: [10, 15],
    memory: { loadPercent: 40, totalPhysicalBytes: 8e9, availablePhysicalBytes: 4.8e9, committedBytes: 5e9, commitLimitBytes: 12e9 },
    uptimeMs: 90_000 + time,
    processCount: 45,
    threadCount: 300,
    handleCount: null,
    diskReadBytesPerSec: null,
    diskWriteBytesPerSec: null,
    networkReceivedBytesPerSec: 1200,
    networkSentBytesPerSec: 300,
    unreported,
  };
}

describe('PerformancePush', () => {
  it('sends the reasons with the first sample, then leaves them out while they stay the same', () => {
    const push = new PerformancePush();
    const first = push.next(wineSample(1000));
    expect(first.unreported).toEqual({ handleCount: WINE_HANDLES, diskReadBytesPerSec: WINE_DISK, diskWriteBytesPerSec: WINE_DISK });
    // A new map object with the same reasons (as after a restart of the monitor) is still "unchanged".
    const second = push.next(wineSample(2000, { handleCount: WINE_HANDLES, diskReadBytesPerSec: WINE_DISK, diskWriteBytesPerSec: WINE_DISK }));
    expect('unreported' in second).toBe(false);
    // The figures themselves still travel, unknown as null.
    expect(second.handleCount).toBeNull();
    expect(second.diskReadBytesPerSec).toBeNull();
    expect(PerformanceSample.safeParse(second).success).toBe(true);
  });

  it('sends the whole new map when the reasons change, an empty one when every figure is reported again', () => {
    const push = new PerformancePush();
    push.next(wineSample(1000, { handleCount: WINE_HANDLES }));
    const failed = push.next(wineSample(2000, { handleCount: WINE_HANDLES, networkReceivedBytesPerSec: 'no rights', networkSentBytesPerSec: 'no rights' }));
    expect(failed.unreported).toEqual({ handleCount: WINE_HANDLES, networkReceivedBytesPerSec: 'no rights', networkSentBytesPerSec: 'no rights' });
    const cleared = push.next(wineSample(3000, {}));
    expect(cleared.unreported).toEqual({});
    expect('unreported' in push.next(wineSample(4000, {}))).toBe(false);
  });

  it('treats a sample without a map as "every figure reported" (an empty first map is still sent)', () => {
    const push = new PerformancePush();
    const { unreported: _none, ...bare } = wineSample(1000);
    expect(push.next(bare).unreported).toEqual({});
    expect('unreported' in push.next(bare)).toBe(false);
  });

  it('halves a Wine tick: the steady payload is the sample without its reasons (about 420 bytes of 840)', () => {
    const push = new PerformancePush();
    const first = JSON.stringify(push.next(wineSample(1_764_756_000_000)));
    const steady = JSON.stringify(push.next(wineSample(1_764_756_001_000)));
    expect(first.length - steady.length).toBeGreaterThan(300);
    expect(steady).not.toContain('Wine');
  });
});
