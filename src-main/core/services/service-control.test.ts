import { describe, expect, it } from 'vitest';
import type { ServiceProgressValue } from '../../../src-preload/contract/service-schemas';
import { AppError } from '../app-error';
import { answeringDesktop } from '../desktop/test-desktop';
import type { DesktopPort } from '../desktop/desktop-port';
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

const desktop = answeringDesktop;

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
      audit: (r) => audits.push(`${r.action} ${r.target.service} ${r.outcome}: ${r.message}`),
    },
    timers,
  );
  return { collector, control, progress, audits, timers, changes: () => changed };
}

describe('ServiceControl', () => {
  it('confirms a start with arguments, listing them, and starts nothing when the admin cancels', async () => {
    const scm = new FakeScm().add('Alpha');
    const { control } = setup(scm);
    const no = desktop(false);
    await expect(control.run('start', ['Alpha'], no, ['--pad', 'C:\\Users\\Public\\evil.dll'])).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(scm.started).toEqual([]);
    expect(no.prompts[0]?.detail).toContain('Arguments (passed to each service\'s ServiceMain):\n  1. --pad\n  2. C:\\Users\\Public\\evil.dll');
    const plain = desktop(false);
    await control.run('start', ['Alpha'], plain);
    expect(plain.prompts).toEqual([]);
  });

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
    expect(audits).toEqual(['service.start Alpha ok: Started with 2 argument(s).']);
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
    expect(audits[0]).toContain('service.start Failing failed');
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

  it('asks before stopping, naming the running dependents, stops them deepest first, and stops nothing when declined', async () => {
    const scm = new FakeScm()
      .add('Base', { state: 'running', pid: 1 })
      .add('Middle', { state: 'running', pid: 2 }, { dependencies: ['Base'] })
      .add('Top', { state: 'running', pid: 3 }, { dependencies: ['Middle'] })
      .add('Idle', { state: 'stopped' }, { dependencies: ['Base'] });
    const { control } = setup(scm);
    const no = desktop(false);
    await expect(control.run('stop', ['Base'], no)).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(scm.log).toEqual([]);
    expect(no.prompts[0]).toMatchObject({ title: 'Stop services', confirmLabel: 'Stop', destructive: true });
    expect(no.prompts[0]?.detail).toContain('first stops, in this order: Top display (Top), Middle display (Middle)');

    const yes = desktop(true);
    const done = await control.run('stop', ['Base'], yes);
    expect(scm.log).toEqual(['stop Top', 'stop Middle', 'stop Base']);
    expect(done.results.map((r) => [r.name, r.ok, r.state])).toEqual([
      ['Top', true, 'stopped'],
      ['Middle', true, 'stopped'],
      ['Base', true, 'stopped'],
    ]);
  });

  it('confirms a plain stop and a pause too, in one dialog for several services; start and continue are not asked', async () => {
    const scm = new FakeScm().add('A', { state: 'running', pid: 1, controlsAccepted: 3 }).add('B', { state: 'running', pid: 2, controlsAccepted: 3 });
    const { control } = setup(scm);
    const yes = desktop(true);
    await control.run('pause', ['A', 'B', 'a'], yes);
    expect(yes.prompts).toHaveLength(1);
    expect(yes.prompts[0]?.message).toBe('Pause 2 services?');
    expect(scm.log).toEqual(['pause A', 'pause B']);
    await control.run('continue', ['A', 'B'], yes);
    expect(yes.prompts).toHaveLength(1);
  });

  it("uses the SCM's own list of running dependents when it gives one (groups and unread configurations included)", async () => {
    const scm = new FakeScm().add('Base', { state: 'running', pid: 1 }).add('ViaGroup', { state: 'running', pid: 2 });
    scm.scmDependents.set('base', ['ViaGroup']);
    const { control } = setup(scm);
    const yes = desktop(true);
    await control.run('stop', ['Base'], yes);
    expect(yes.prompts[0]?.detail).toContain('ViaGroup');
    expect(scm.log).toEqual(['stop ViaGroup', 'stop Base']);
  });

  it('stops nothing when more services depend on it by the time it acts than were confirmed', async () => {
    const scm = new FakeScm().add('Base', { state: 'running', pid: 1 }).add('Late', { state: 'running', pid: 2 });
    const { control } = setup(scm);
    const sneaky: DesktopPort = {
      ...desktop(true),
      confirm: async () => {
        scm.scmDependents.set('base', ['Late']);
        return true;
      },
    };
    const { results } = await control.run('stop', ['Base'], sneaky);
    expect(results).toMatchObject([{ name: 'Base', ok: false, error: { code: 'CONFLICT' } }]);
    expect(scm.log).toEqual([]);
  });

  it('waits for a service that acknowledges a control late, instead of failing at once', async () => {
    const scm = new FakeScm().add('Slow', { state: 'running', pid: 5, controlsAccepted: 3 });
    scm.deferControls = true;
    scm.scripts.set('slow', [{ state: 'running' }, { state: 'running' }, { state: 'pausePending', checkPoint: 1, waitHint: 1000 }, { state: 'paused' }]);
    const { control } = setup(scm);
    const { results } = await control.run('pause', ['Slow'], desktop(true));
    expect(results).toEqual([{ name: 'Slow', ok: true, state: 'paused' }]);
  });

  it('gives up on a control never acknowledged, after a grace period', async () => {
    const scm = new FakeScm().add('Deaf', { state: 'running', pid: 5, controlsAccepted: 3 });
    scm.deferControls = true;
    scm.scripts.set('deaf', [{ state: 'running' }]);
    const { control, timers } = setup(scm);
    const { results } = await control.run('pause', ['Deaf'], desktop(true));
    expect(results[0]).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(timers.now()).toBeGreaterThanOrEqual(5000);
  });

  it('a restart whose dependent will not stop starts again what it stopped and says why', async () => {
    const scm = new FakeScm()
      .add('Base', { state: 'running', pid: 1 })
      .add('First', { state: 'running', pid: 2 }, { dependencies: ['Base'] })
      .add('Stubborn', { state: 'running', pid: 3 }, { dependencies: ['Base'] });
    scm.scmDependents.set('base', ['First', 'Stubborn']);
    const { control } = setup(scm);
    const realControl = scm.control.bind(scm);
    scm.control = (name, c) => {
      if (name === 'Stubborn') throw new AppError('WIN32', 'ControlService failed (1052)', 1052);
      return realControl(name, c);
    };
    const { results } = await control.run('restart', ['Base'], desktop(true));
    expect(results.map((r) => [r.name, r.ok])).toEqual([
      ['First', true],
      ['Stubborn', false],
      ['Base', false],
      ['First', true],
    ]);
    expect(scm.log).toEqual(['stop First', 'start First']);
    expect(results[2]?.error?.message).toContain("dependent 'Stubborn' did not stop");
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
