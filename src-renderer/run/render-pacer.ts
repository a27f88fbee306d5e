/**
 * Paces re-renders of a fast-changing view: many requests within `gapMs` make one render at the end of the
 * gap, and `flush()` renders at once. The Run view re-rendered its output (up to 1 MiB of text in a <pre>)
 * on every run:output event; under a flooding command those renders fell behind the events, and the run's
 * end, queued after them, showed seconds late (issue 11). Now output renders at most every `gapMs`, and
 * the end flushes. Pure (timers injected), unit tested.
 */

/** The timers the pacer uses (the window's, or a test's). */
export interface PacerTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const windowTimers: PacerTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Output renders at most this often while it streams (the engine pumps every 100 ms). */
export const OUTPUT_RENDER_GAP_MS = 100;

export class RenderPacer {
  private pending: unknown = null;

  constructor(
    private readonly render: () => void,
    private readonly gapMs = OUTPUT_RENDER_GAP_MS,
    private readonly timers: PacerTimers = windowTimers,
  ) {}

  /** Something changed: render within `gapMs` (once, however many requests come meanwhile). */
  request(): void {
    if (this.pending !== null) return;
    this.pending = this.timers.setTimeout(() => {
      this.pending = null;
      this.render();
    }, this.gapMs);
  }

  /** Render now (a run ended, another run is shown), dropping the pending render. */
  flush(): void {
    this.cancel();
    this.render();
  }

  /** Drop the pending render (the view is going away). */
  cancel(): void {
    if (this.pending === null) return;
    this.timers.clearTimeout(this.pending);
    this.pending = null;
  }
}
