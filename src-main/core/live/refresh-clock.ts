/**
 * The one clock behind every live view: ticks at the admin's refresh interval (0.5-10 s) unless paused.
 * The next tick is scheduled after the current one finishes, so a slow tick never overlaps the next, and
 * counted from when the current one started, so ticks stay one interval apart instead of interval + the
 * tick's own time (which an event just missed by a tick would wait on top: the latency bench's "process
 * exits" worst case). A tick longer than the interval is followed by a whole interval, never back to back.
 * Listeners that throw are reported and do not stop the clock or the other listeners.
 */
export type TickListener = (now: number) => void | Promise<void>;

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

export class RefreshClock {
  private readonly listeners = new Set<TickListener>();
  private timer: unknown;
  private running = false;
  private ticking: Promise<void> | undefined;

  constructor(
    private intervalMs: number,
    private paused: boolean,
    private readonly onListenerError: (err: unknown) => void,
    private readonly timers: Timers = realTimers,
  ) {}

  /** Adds a listener; returns its removal. */
  onTick(listener: TickListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule();
  }

  /** Stops ticking and waits for a tick in progress. */
  async stop(): Promise<void> {
    this.running = false;
    this.cancel();
    await this.ticking;
  }

  /** Applies a new interval or pause state; a change takes effect from now, not after the old interval. */
  configure(intervalMs: number, paused: boolean): void {
    this.intervalMs = intervalMs;
    this.paused = paused;
    if (!this.running) return;
    this.cancel();
    this.schedule();
  }

  /** Runs one tick now (the first sample at start, and tests). */
  async tickNow(): Promise<void> {
    const now = this.timers.now();
    const work = (async () => {
      for (const listener of [...this.listeners]) {
        try {
          await listener(now);
        } catch (err) {
          this.onListenerError(err);
        }
      }
    })();
    this.ticking = work;
    await work;
    if (this.ticking === work) this.ticking = undefined;
  }

  /** Schedules the next tick `delayMs` from now (a whole interval unless the tick just run says less). */
  private schedule(delayMs = this.intervalMs): void {
    if (!this.running || this.paused || this.timer !== undefined) return;
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      const started = this.timers.now();
      void this.tickNow().then(() => {
        const spent = this.timers.now() - started;
        this.schedule(spent < this.intervalMs ? this.intervalMs - spent : this.intervalMs);
      });
    }, delayMs);
  }

  private cancel(): void {
    if (this.timer !== undefined) {
      this.timers.clearTimeout(this.timer);
      this.timer = undefined;
    }
  }
}
