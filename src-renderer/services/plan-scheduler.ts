/**
 * Asks main for the plan of the form as the admin types: once the form has been still for ~250 ms, one
 * `services:plan` request; only the latest request's answer counts (an older one arriving late is
 * dropped); the same request twice in a row is not sent again. The timer functions are parameters, so the
 * behaviour is unit tested with fake timers.
 */
import type { ApiError, Result } from '../../src-preload/contract/errors';
import type { ServiceChangeRequestValue, ServicePlanValue } from '../../src-preload/contract/service-schemas';

/** The quiet time before a plan request. */
export const PLAN_DEBOUNCE_MS = 250;

/** The preview: nothing to plan, waiting for the answer, the plan, or why there is none. */
export type PlanState<Plan = ServicePlanValue> =
  | { readonly status: 'idle' }
  | { readonly status: 'waiting' }
  | { readonly status: 'ready'; readonly plan: Plan }
  | { readonly status: 'failed'; readonly error: ApiError };

/** Timer functions (window's in the app; fakes in tests). */
export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The scheduler. `fetchPlan` is services:plan (or services:planHosted); `onState` gets every state change. */
export class PlanScheduler<Request = ServiceChangeRequestValue, Plan = ServicePlanValue> {
  private timer: unknown = null;
  private generation = 0;
  private lastKey: string | null = null;
  private lastState: PlanState<Plan> = { status: 'idle' };
  private disposed = false;

  constructor(
    private readonly fetchPlan: (request: Request) => Promise<Result<Plan>>,
    private readonly onState: (state: PlanState<Plan>) => void,
    private readonly timers: Timers = { setTimeout: (run, ms) => setTimeout(run, ms), clearTimeout: (h) => clearTimeout(h as number) },
    private readonly delayMs = PLAN_DEBOUNCE_MS,
  ) {}

  /** The form changed: plan this request after the quiet time, or nothing (null: the form is not complete). */
  update(request: Request | null): void {
    if (this.disposed) return;
    const key = request === null ? null : JSON.stringify(request);
    if (key === this.lastKey && this.lastState.status !== 'failed') return;
    this.lastKey = key;
    this.cancelTimer();
    const generation = ++this.generation;
    if (request === null) {
      this.setState({ status: 'idle' });
      return;
    }
    this.setState({ status: 'waiting' });
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      void this.fetchPlan(request).then((result) => {
        // A newer request was made meanwhile: this answer describes a form that no longer exists.
        if (this.disposed || generation !== this.generation) return;
        this.setState(result.ok ? { status: 'ready', plan: result.value } : { status: 'failed', error: result.error });
      });
    }, this.delayMs);
  }

  /** Stops: no timer left, late answers ignored. */
  dispose(): void {
    this.disposed = true;
    this.cancelTimer();
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private setState(state: PlanState<Plan>): void {
    this.lastState = state;
    this.onState(state);
  }
}
