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
  /** Calls `fn` once the next frame has been painted; returns what cancels it. */
  afterPaint(fn: () => void): () => void;
}

const windowTimers: PacerTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  // requestAnimationFrame runs just before a frame is painted; a task queued from it runs after that paint.
  afterPaint: (fn) => {
    let task: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      task = setTimeout(fn, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (task !== undefined) clearTimeout(task);
    };
  },
};

/** Output renders at most this often while it streams (the engine pumps every 100 ms). */
export const OUTPUT_RENDER_GAP_MS = 100;

export class RenderPacer {
  /** Cancels the render that is due, if any. */
  private pending: (() => void) | null = null;

  constructor(
    private readonly render: () => void,
    private readonly gapMs = OUTPUT_RENDER_GAP_MS,
    private readonly timers: PacerTimers = windowTimers,
  ) {}

  /** Something changed: render within `gapMs` (once, however many requests come meanwhile). */
  request(): void {
    if (this.pending !== null) return;
    const handle = this.timers.setTimeout(() => {
      this.pending = null;
      this.render();
    }, this.gapMs);
    this.pending = () => this.timers.clearTimeout(handle);
  }

  /** Render now (another run is shown), dropping the pending render. */
  flush(): void {
    this.cancel();
    this.render();
  }

  /**
   * Render right after the next paint, dropping the pending render: a run's end. The status line ("Exited
   * with 0") is painted first, then the last of up to 1 MiB of output, whose layout takes a frame or more;
   * rendered together, the end waited for the output (issue 11: the end of a flood showed late).
   */
  flushAfterPaint(): void {
    this.cancel();
    const cancel = this.timers.afterPaint(() => {
      this.pending = null;
      this.render();
    });
    this.pending = cancel;
  }

  /** Drop the pending render (the view is going away). */
  cancel(): void {
    if (this.pending === null) return;
    this.pending();
    this.pending = null;
  }
}
