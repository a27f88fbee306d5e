/**
 * Bytes per second from cumulative per-device counters (network interfaces, physical disks). Rates are
 * taken per device and summed, so a device that appears or goes away between two readings (a VPN
 * adapter, a USB disk) is left out of that interval instead of showing its whole lifetime as one burst.
 */

/** One device's two cumulative counters (received/sent, read/written), by device id. */
export type DeviceCounters = ReadonlyMap<string, readonly [bigint, bigint]>;

/**
 * The two counters' summed rates between two readings `elapsedMs` apart, rounded to whole bytes per
 * second; null without a previous reading or a positive interval. A device whose counter went backwards
 * (a driver reset) is left out of the interval.
 */
export function bytesPerSecond(previous: DeviceCounters | undefined, current: DeviceCounters, elapsedMs: number): [number, number] | null {
  if (!previous || !(elapsedMs > 0)) return null;
  let first = 0n;
  let second = 0n;
  for (const [id, [a, b]] of current) {
    const before = previous.get(id);
    if (!before) continue;
    const da = a - before[0];
    const db = b - before[1];
    if (da < 0n || db < 0n) continue;
    first += da;
    second += db;
  }
  return [Math.round((Number(first) * 1000) / elapsedMs), Math.round((Number(second) * 1000) / elapsedMs)];
}
