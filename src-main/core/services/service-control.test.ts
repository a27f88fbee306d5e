import { describe, expect, it } from 'vitest';
import type { ServiceProgressValue } from '../../../src-preload/contract/service-schemas';
import type { ConfirmPrompt, DesktopPort } from '../desktop/desktop-port';
import { ServiceCollector } from './service-collector';
import { pollDelay, ServiceControl, type WaitTimers } from './service-control';
import { FakeScm } from './test-doubles';

/** Virtual time: sleeping advances the clock at once. */
function virtualTimers(): WaitTimers & { slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

function desktop(answer: boolean): DesktopPort & { prompts: ConfirmPrompt[] } {
  const prompts: ConfirmPrompt[] = [];
  return {
    prompts,
    confirm: async (p) => {
      prompts.push(p);
      return answer;
    },
    copyText: async () => {},
    saveText: async () => null,
  };
}

function setup(scm: FakeScm) {
  const collector = new ServiceCollector(scm);
  collector.poll(0);
  const progress: ServiceProgressValue[] = [];
  const audits: string[] = [];
  let changed = 0;
  const timers = virtualTimers();
  const control = new ServiceControl(
    scm,
    collector,
    {
      progress: (p) => progress.push(p),
      changed: () => {
        changed += 1;
        collector.poll(timers.now());
      },
      audit: (action, service, r) => audits.push(`${action} ${service} ${r.ok ? 'ok' : 'failed'}: ${r.text}`),
    },
    timers,
  );
  return { collector, control, progress, audits, timers, changes: () => changed };
}

describe('ServiceControl', () => {
  it('starts a service with its arguments and reports progress through its checkpoints until it runs', async () => {
    const scm = new FakeScm().add('Alpha');
    scm.scripts.set('alpha', [
      { state: 'startPending', checkPoint: 1, waitHint: 2000 },
      { state: 'startPending', checkPoint: 2, waitHint: 2000 },
      { state: 'startPending', checkPoint: 3, waitHint: 2000 },
      { state: 'running', checkPoint: 0, waitHint: 0, pid: 99, controlsAccepted: 3 },
    ]);
    const { control, progress, audits, changes } = setup(scm);
    const result = await control.run('start', ['Alpha'], desktop(true), ['--slow', 'a b']);
    expect(result.results).toEqual([{ name: 'Alpha', ok: true, state: 'running' }]);
    expect(scm.started).toEqual([{ name: 'Alpha', args: ['--slow', 'a b'] }]);
    expect(progress.map((p) => [p.state, p.checkPoint, p.finished])).toEqual([
      ['startPending', 1, false],
      ['startPending', 2, false],
      ['startPending', 3, false],
      ['running', 0, true],
    ]);
    expect(progress.every((p) => p.verb === 'start' && p.name === 'Alpha')).toBe(true);
    expect(audits).toEqual(['start Alpha ok: Started with 2 argument(s).']);
    expect(changes()).toBe(1);
  });

  it('gives up with TIMEOUT when the checkpoint does not move within the wait hint', async () => {
    const scm = new FakeScm().add('Stuck');
    scm.scripts.set('stuck', [{ state: 'startPending', checkPoint: 4, waitHint: 1500 }]);
    const { control, progress, timers } = setup(scm);
    const { results } = await control.run('start', ['Stuck'], desktop(true));
    expect(results[0]).toMatchObject({ name: 'Stuck', ok: false, error: { code: 'TIMEOUT' } });
    expect(results[0]?.error?.message).toContain('checkpoint 4');
    expect(timers.now()).toBeGreaterThan(1500);
    expect(timers.now()).toBeLessThan(1500 + 2 * pollDelay(1500));
    expect(progress.at(-1)).toMatchObject({ finished: true, state: 'startPending' });
  });

  it('keeps waiting while the checkpoint advances, even past one wait hint', async () => {
    const scm = new FakeScm().add('Slow');
    const steps = Array.from({ length: 30 }, (_, i) => ({ state: 'startPending' as const, checkPoint: i + 1, waitHint: 1000 }));
    scm.scripts.set('slow', [...steps, { state: 'running', checkPoint: 0, waitHint: 0, pid: 5 }]);
    const { control, timers } = setup(scm);
    const { results } = await control.run('start', ['Slow'], desktop(true));
    expect(results[0]).toMatchObject({ ok: true, state: 'running' });
    expect(timers.now()).toBeGreaterThan(1000);
  });

  it('reports a service that stops instead of starting with its exit codes', async () => {
    const scm = new FakeScm().add('Failing');
    scm.scripts.set('failing', [{ state: 'startPending', checkPoint: 1, waitHint: 2000 }, { state: 'stopped', win32ExitCode: 1066, serviceSpecificExitCode: 3, pid: 0 }]);
    const { control, audits } = setup(scm);
    const { results } = await control.run('start', ['Failing'], desktop(true));
    expect(results[0]).toMatchObject({ ok: false, error: { code: 'WIN32', win32Code: 1066 } });
    expect(results[0]?.error?.message).toContain('service-specific 3');
    expect(audits[0]).toContain('start Failing failed');
  });

  it('words the usual SCM errors clearly and keeps the code', async () => {
    const scm = new FakeScm().add('Running', { state: 'running', pid: 3 }).add('Off', {}, { startType: 'disabled' }).add('Idle');
    const { control } = setup(scm);
    const { results } = await control.run('start', ['Running', 'Off', 'Missing'], desktop(true));
    expect(results.map((r) => [r.name, r.error?.code, r.error?.win32Code])).toEqual([
      ['Running', 'CONFLICT', 1056],
      ['Off', 'CONFLICT', 1058],
      ['Missing', 'NOT_FOUND', 1060],
    ]);
    expect(results[0]?.error?.message).toContain("'Running' is already running");
    expect(results[1]?.error?.message).toContain('disabled');
    const stop = await control.run('stop', ['Idle'], desktop(true));
    expect(stop.results[0]).toMatchObject({ ok: false, error: { code: 'CONFLICT', win32Code: 1062 } });
    expect(stop.results[0]?.error?.message).toContain('is not started');
  });

  it('asks before stopping running dependents, stops them deepest first, and stops nothing when declined', async () => {
    const scm = new FakeScm()
      .add('Base', { state: 'running', pid: 1 })
      .add('Middle', { state: 'running', pid: 2 }, { dependencies: ['Base'] })
      .add('Top', { state: 'running', pid: 3 }, { dependencies: ['Middle'] })
      .add('Idle', { state: 'stopped' }, { dependencies: ['Base'] });
    const { control } = setup(scm);
    const no = desktop(false);
    const declined = await control.run('stop', ['Base'], no);
    expect(declined.results[0]).toMatchObject({ name: 'Base', ok: false, error: { code: 'CANCELLED' } });
    expect(scm.log).toEqual([]);
    expect(no.prompts[0]?.detail).toContain('1. Top display (Top)\n2. Middle display (Middle)');

    const yes = desktop(true);
    const done = await control.run('stop', ['Base'], yes);
    expect(scm.log).toEqual(['stop Top', 'stop Middle', 'stop Base']);
    expect(done.results.map((r) => [r.name, r.ok, r.state])).toEqual([
      ['Top', true, 'stopped'],
      ['Middle', true, 'stopped'],
      ['Base', true, 'stopped'],
    ]);
  });

  it('restarts a service and starts again the dependents it stopped, in reverse order', async () => {
    const scm = new FakeScm().add('Base', { state: 'running', pid: 1 }).add('App', { state: 'running', pid: 2 }, { dependencies: ['Base'] });
    const { control } = setup(scm);
    const { results } = await control.run('restart', ['Base'], desktop(true));
    expect(scm.log).toEqual(['stop App', 'stop Base', 'start Base', 'start App']);
    expect(results.every((r) => r.ok)).toBe(true);
  });

  it('pauses and continues, passing through the pending states', async () => {
    const scm = new FakeScm().add('Alpha', { state: 'running', pid: 5, controlsAccepted: 3 });
    const { control, progress } = setup(scm);
    expect((await control.run('pause', ['Alpha'], desktop(true))).results[0]).toMatchObject({ ok: true, state: 'paused' });
    expect((await control.run('continue', ['Alpha'], desktop(true))).results[0]).toMatchObject({ ok: true, state: 'running' });
    expect(progress.map((p) => `${p.verb}:${p.state}`)).toEqual(['pause:pausePending', 'pause:paused', 'continue:continuePending', 'continue:running']);
  });

  it('polls a tenth of the wait hint, between 100 ms and 1 s', () => {
    expect(pollDelay(0)).toBe(100);
    expect(pollDelay(3000)).toBe(300);
    expect(pollDelay(60_000)).toBe(1000);
  });
});
