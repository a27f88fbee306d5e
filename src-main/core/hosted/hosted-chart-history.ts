/**
 * The chart history of the hosted services whose details the admin opened last, kept in main so their charts
 * and markers keep their past across tab switches (services:hostedHistory). Fed from the status pushes main
 * already reads on the host's pipe (hosted-services.ts keeps that connection open for the services kept here,
 * after their details close): no read of its own, no timer.
 *
 * Memory per kept service: a ring (live/sample-ring.ts) of MAX_HOSTED_POINTS = 600 points (ten minutes at the
 * host's once-a-second accounting rate) of seven float64 figures plus the time, 600 x 8 x 8 = 38,400 bytes,
 * and at most MAX_HOSTED_EVENTS = 500 of the host's events (about 100 bytes each as the host words them,
 * ~50 KB; the schema's 4 KiB detail bound makes the worst case ~4 MB). At most WATCHED_HOSTED = 4 services.
 */
import { figuresToForget, hostedChartPoint, mergeHostedEvents, MAX_HOSTED_EVENTS, MAX_HOSTED_POINTS, type HostedChartPoint } from '../../../src-preload/contract/hosted-chart-points';
import type { HostedEventLineValue, HostedHistoryValue, HostedStatusValue, HostedUnreportableJobField } from '../../../src-preload/contract/hosted-schemas';
import type { UnknownReasons } from '../../../src-preload/contract/unknown';
import { CHART_HISTORY_MS, ringBytes, SampleRing } from '../live/sample-ring';

const COLUMNS = ['cpuPercent', 'peakJobMemoryBytes', 'activeProcesses', 'restarts', 'probeFailures', 'limitHits', 'cpuTimeMs'] as const;
/** How many hosted services main keeps charts for at once: the ones whose details were opened most recently. */
export const WATCHED_HOSTED = 4;
/** What one kept service's ring costs: 600 x 8 x 8 = 38,400 bytes (its events come on top, bounded by count). */
export const BYTES_PER_HOSTED = ringBytes(COLUMNS.length, MAX_HOSTED_POINTS);

interface Kept {
  readonly ring: SampleRing<(typeof COLUMNS)[number]>;
  last: HostedChartPoint | undefined;
  events: readonly HostedEventLineValue[];
}

/** The kept services' points and events, by lower-cased name (service names are case-insensitive), most recently opened last. */
export class HostedChartHistory {
  readonly #kept = new Map<string, Kept>();

  constructor(
    private readonly logicalProcessors: number,
    private readonly max = WATCHED_HOSTED,
  ) {}

  /**
   * Starts (or goes on) keeping `name`, now the most recently opened; returns the names that fell out of the
   * recent set (their history is gone), so the caller can let go of what fed them.
   */
  keep(name: string): string[] {
    const key = name.toLowerCase();
    const held = this.#kept.get(key);
    this.#kept.delete(key);
    this.#kept.set(key, held ?? { ring: new SampleRing(COLUMNS, MAX_HOSTED_POINTS, CHART_HISTORY_MS), last: undefined, events: [] });
    const dropped: string[] = [];
    for (const oldest of this.#kept.keys()) {
      if (this.#kept.size <= this.max) break;
      this.#kept.delete(oldest);
      dropped.push(oldest);
    }
    return dropped;
  }

  /** True while `name` is kept. */
  has(name: string): boolean {
    return this.#kept.has(name.toLowerCase());
  }

  /**
   * One push of a kept service (a service not kept is ignored): a point, or a gap when `status` is null (the
   * host is not running or did not answer: unknown, never zeros), and the host's events it did not have.
   * `status` is the one the details are shown (job figures the system does not report already null, with
   * why in `unreported`).
   */
  record(name: string, time: number, status: HostedStatusValue | null, unreported: UnknownReasons<HostedUnreportableJobField> = {}): void {
    const kept = this.#kept.get(name.toLowerCase());
    if (!kept) return;
    // Figures proven unreported since were not real zeros in the points kept before either: gaps now.
    kept.ring.forget(figuresToForget(unreported));
    if (status) kept.events = mergeHostedEvents(kept.events, status.events, MAX_HOSTED_EVENTS);
    if (kept.last && time <= kept.last.time) return;
    const point = hostedChartPoint(kept.last, time, status, this.logicalProcessors);
    kept.ring.push(point);
    kept.last = point;
  }

  /** What is kept of `name`, oldest first; empty when it is not kept. */
  history(name: string): HostedHistoryValue {
    const kept = this.#kept.get(name.toLowerCase());
    if (!kept) return { points: [], events: [] };
    // The ring stores every figure of the point, so what comes back is a HostedChartPoint again.
    return { points: kept.ring.toArray() as HostedChartPoint[], events: [...kept.events] };
  }

  /** Stops keeping `name` (the service was deleted). */
  drop(name: string): void {
    this.#kept.delete(name.toLowerCase());
  }

  /** The kept names, lower-cased, most recently opened last. */
  names(): string[] {
    return [...this.#kept.keys()];
  }

  /** Forgets everything (the console is quitting). */
  clear(): void {
    this.#kept.clear();
  }
}
