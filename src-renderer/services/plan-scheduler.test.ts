import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../src-preload/contract/errors';
import type { ServiceChangeRequestValue, ServicePlanValue } from '../../src-preload/contract/service-schemas';
import { PLAN_DEBOUNCE_MS, PlanScheduler, type PlanState } from './plan-scheduler';
import { testDefinition } from './test-services';

const plan = (commands: string[]): ServicePlanValue => ({ commands, changes: [], problems: [], binaryPath: '' });
const req = (displayName: string): ServiceChangeRequestValue => ({ kind: 'install', definition: testDefinition({ displayName }) });

/** A services:plan double whose answers the test releases. */
function planApi() {
  const calls: { request: ServiceChangeRequestValue; resolve: (r: Result<ServicePlanValue>) => void }[] = [];
  const fetch = (request: ServiceChangeRequestValue) => new Promise<Result<ServicePlanValue>>((resolve) => calls.push({ request, resolve }));
  return { fetch, calls };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('PlanScheduler', () => {
  it('asks once the form has been still for the debounce time, with the latest request', async () => {
    const api = planApi();
    const states: PlanState[] = [];
    const s = new PlanScheduler(api.fetch, (st) => states.push(st));
    s.update(req('A'));
    vi.advanceTimersByTime(PLAN_DEBOUNCE_MS - 50);
    s.update(req('AB'));
    vi.advanceTimersByTime(PLAN_DEBOUNCE_MS - 1);
    expect(api.calls).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(api.calls.map((c) => c.request.definition.displayName)).toEqual(['AB']);
    api.calls[0]?.resolve({ ok: true, value: plan(['sc.exe create AdminTestSvc']) });
    await vi.runAllTimersAsync();
    expect(states.at(-1)).toEqual({ status: 'ready', plan: plan(['sc.exe create AdminTestSvc']) });
    expect(states.filter((st) => st.status === 'waiting').length).toBeGreaterThan(0);
  });

  it('drops an answer that arrives after a newer request was made', async () => {
    const api = planApi();
    const states: PlanState[] = [];
    const s = new PlanScheduler(api.fetch, (st) => states.push(st));
    s.update(req('old'));
    vi.advanceTimersByTime(PLAN_DEBOUNCE_MS);
    s.update(req('new'));
    vi.advanceTimersByTime(PLAN_DEBOUNCE_MS);
    api.calls[1]?.resolve({ ok: true, value: plan(['new']) });
    await vi.runAllTimersAsync();
    api.calls[0]?.resolve({ ok: true, value: plan(['old']) });
    await vi.runAllTimersAsync();
    expect(states.at(-1)).toEqual({ status: 'ready', plan: plan(['new']) });
  });

  it('does not resend the same request, goes idle for an incomplete form, and retries after a failure', async () => {
    const api = planApi();
    const states: PlanState[] = [];
    const s = new PlanScheduler(api.fetch, (st) => states.push(st));
    s.update(req('A'));
    vi.advanceTimersByTime(PLAN_DEBOUNCE_MS);
    api.calls[0]?.resolve({ ok: false, error: { code: 'INTERNAL', message: 'main is busy' } });
    await vi.runAllTimersAsync();
    expect(states.at(-1)).toEqual({ status: 'failed', error: { code: 'INTERNAL', message: 'main is busy' } });
    s.update(req('A'));
    vi.advanceTimersByTime(PLAN_DEBOUNCE_MS);
    expect(api.calls).toHaveLength(2);
    api.calls[1]?.resolve({ ok: true, value: plan([]) });
    await vi.runAllTimersAsync();
    s.update(req('A'));
    vi.advanceTimersByTime(PLAN_DEBOUNCE_MS);
    expect(api.calls).toHaveLength(2);
    s.update(null);
    expect(states.at(-1)).toEqual({ status: 'idle' });
  });

  it('sends nothing after dispose', () => {
    const api = planApi();
    const s = new PlanScheduler(api.fetch, () => undefined);
    s.update(req('A'));
    s.dispose();
    vi.advanceTimersByTime(PLAN_DEBOUNCE_MS * 2);
    expect(api.calls).toHaveLength(0);
  });
});
