import type { UnreportablePerformanceField } from '../../../src-preload/contract/performance-fields';
import type { PerformanceSampleValue } from '../../../src-preload/contract/schemas';
import { sameReasons, type UnknownReasons } from '../../../src-preload/contract/unknown';

/**
 * What performance:changed carries each tick: the sample, with its `unreported` reasons only when they
 * differ from the previous push (the first push always has them). Under Wine the reasons were half of every
 * tick's bytes while they never changed; the renderer carries the last reasons forward (history.ts), and a
 * view that mounts late gets them from performance:getHistory, whose newest sample always holds them.
 */
export class PerformancePush {
  private lastReasons: UnknownReasons<UnreportablePerformanceField> | undefined;

  /** The payload for this tick's sample (the monitor's full sample is what history keeps). */
  next(sample: PerformanceSampleValue): PerformanceSampleValue {
    const reasons = sample.unreported ?? {};
    if (this.lastReasons !== undefined && sameReasons(this.lastReasons, reasons)) {
      const { unreported: _unchanged, ...rest } = sample;
      return rest;
    }
    this.lastReasons = reasons;
    // Always the whole map, {} included: an absent map means "as before", an empty one "every figure reported now".
    return { ...sample, unreported: reasons };
  }
}
