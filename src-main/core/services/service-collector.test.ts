import { describe, expect, it } from 'vitest';
import { ServiceDelta, ServiceSnapshot } from '../../../src-preload/contract/service-schemas';
import { ServiceCollector, summarizeUnreadable, TIMELINE_LIMIT } from './service-collector';
import { FakeScm } from './test-doubles';

function collectorWith(scm: FakeScm) {
  const collector = new ServiceCollector(scm);
  return { collector, first: collector.poll(1000) };
}

describe('ServiceCollector', () => {
  it('lists every service on the first poll, with its configuration, and records no timeline for what was already there', () => {
    const scm = new FakeScm().add('Alpha', { state: 'running', pid: 10, controlsAccepted: 3 }).add('Beta', {}, { startType: 'automatic', delayedAutoStart: true });
    const { collector, first } = collectorWith(scm);
    expect(first?.upserted.map((r) => r.name).sort()).toEqual(['Alpha', 'Beta']);
    expect(first?.timeline).toEqual([]);
    const alpha = collector.find('alpha');
    expect(alpha).toMatchObject({ state: 'running', pid: 10, canStop: true, canPauseContinue: true, startType: 'manual', account: 'LocalSystem' });
    expect(collector.find('Beta')).toMatchObject({ pid: null, startType: 'automatic', delayedAutoStart: true, canStop: false });
    expect(collector.snapshot()).toMatchObject({ seq: 1, pollIntervalMs: 2000 });
  });

  it('makes one Win32 call per poll in steady state and sends nothing when nothing changed', () => {
    const scm = new FakeScm().add('Alpha').add('Beta');
    const { collector } = collectorWith(scm);
    const reads = scm.configReads;
    const calls = scm.calls;
    expect(collector.poll(3000)).toBeNull();
    expect(collector.poll(5000)).toBeNull();
    expect(scm.configReads - reads).toBe(0);
    expect(scm.calls - calls).toBe(2);
    expect(collector.snapshot().seq).toBe(1);
  });

  it('re-reads the configuration of a service whose state changed, and only that one', () => {
    const scm = new FakeScm().add('Alpha').add('Beta');
    const { collector } = collectorWith(scm);
    scm.get('Alpha').config.startType = 'disabled';
    scm.get('Alpha').status.state = 'running';
    scm.get('Alpha').status.pid = 77;
    const reads = scm.configReads;
    const delta = collector.poll(3000);
    expect(scm.configReads - reads).toBe(1);
    expect(delta?.upserted.map((r) => r.name)).toEqual(['Alpha']);
    expect(delta?.upserted[0]).toMatchObject({ state: 'running', pid: 77, startType: 'disabled' });
    expect(delta?.timeline.map((t) => [t.kind, t.text])).toEqual([
      ['started', 'Started (PID 77).'],
      ['configChanged', 'Configuration changed: startType.'],
    ]);
    expect(delta).toMatchObject({ seq: 2, baseSeq: 1 });
  });

  it('tells a crash (stopped with an error code) from a stop, and notices a restart under a new PID', () => {
    const scm = new FakeScm().add('Alpha', { state: 'running', pid: 10 }).add('Beta', { state: 'running', pid: 11 }).add('Gamma', { state: 'running', pid: 12 });
    const { collector } = collectorWith(scm);
    Object.assign(scm.get('Alpha').status, { state: 'stopped', pid: 0, win32ExitCode: 1067 });
    Object.assign(scm.get('Beta').status, { state: 'stopped', pid: 0, win32ExitCode: 0 });
    Object.assign(scm.get('Gamma').status, { pid: 13 });
    const delta = collector.poll(3000);
    expect(delta?.timeline.map((t) => `${t.service} ${t.kind}: ${t.text}`)).toEqual([
      'Alpha crashed: Stopped unexpectedly: exit code 1067.',
      'Beta stopped: Stopped.',
      'Gamma restarted: Restarted: PID 12 -> 13.',
    ]);
  });

  it('records services installed and deleted between polls, and pause / continue', () => {
    const scm = new FakeScm().add('Alpha', { state: 'running', pid: 10 });
    const { collector } = collectorWith(scm);
    scm.add('Newcomer');
    scm.get('Alpha').status.state = 'paused';
    let delta = collector.poll(3000);
    expect(delta?.timeline.map((t) => `${t.service} ${t.kind}`)).toEqual(['Alpha paused', 'Newcomer installed']);
    scm.services.delete('newcomer');
    scm.get('Alpha').status.state = 'running';
    delta = collector.poll(5000);
    expect(delta?.removed).toEqual(['Newcomer']);
    expect(delta?.timeline.map((t) => `${t.service} ${t.kind}`)).toEqual(['Alpha continued', 'Newcomer deleted']);
    expect(collector.find('Newcomer')).toBeUndefined();
  });

  it('does not record pending states, but sends their checkpoints', () => {
    const scm = new FakeScm().add('Alpha');
    const { collector } = collectorWith(scm);
    Object.assign(scm.get('Alpha').status, { state: 'startPending', checkPoint: 1, waitHint: 3000, pid: 50 });
    expect(collector.poll(3000)?.timeline).toEqual([]);
    scm.get('Alpha').status.checkPoint = 2;
    const delta = collector.poll(5000);
    expect(delta?.upserted[0]).toMatchObject({ checkPoint: 2, waitHint: 3000 });
    expect(delta?.timeline).toEqual([]);
  });

  it('computes dependents from the dependencies read, and updates them when a dependency appears', () => {
    const scm = new FakeScm().add('Base').add('App', {}, { dependencies: ['Base', '+NetworkProvider'] });
    const { collector } = collectorWith(scm);
    expect(collector.find('Base')?.dependents).toEqual(['App']);
    expect(collector.dependentsOf('BASE')).toEqual(['App']);
    scm.add('Second', {}, { dependencies: ['base'] });
    const delta = collector.poll(3000);
    expect(delta?.upserted.map((r) => r.name).sort()).toEqual(['Base', 'Second']);
    expect(collector.find('Base')?.dependents).toEqual(['App', 'Second']);
  });

  it('flags an unquoted command line with spaces (CWE-428) and keeps a configuration error as text', () => {
    const scm = new FakeScm()
      .add('Risky', {}, { binaryPath: 'C:\\Program Files\\Vendor\\svc.exe -k x' })
      .add('Safe', {}, { binaryPath: '"C:\\Program Files\\Vendor\\svc.exe" -k x' })
      .add('Odd', {}, { unreadable: ['load order: failed (error 1117)'] });
    const { collector } = collectorWith(scm);
    expect(collector.find('Risky')?.unquotedPath).toBe(true);
    expect(collector.find('Safe')?.unquotedPath).toBe(false);
    expect(collector.find('Odd')?.configError).toContain('1117');
  });

  it("marks services the console's host runs for them (hosted), and only those", () => {
    const host = 'C:\\ProgramData\\Admin Console\\service-host\\1.0.0-abc\\service-host.exe';
    const scm = new FakeScm()
      .add('web', {}, { binaryPath: `"${host}" --service web` })
      .add('other', {}, { binaryPath: `"${host}" --service web` })
      .add('plain', {}, { binaryPath: '"C:\\Program Files\\Vendor\\svc.exe"' });
    const { collector } = collectorWith(scm);
    expect(collector.find('web')?.hosted).toBe(true);
    expect(collector.find('other')?.hosted).toBe(false);
    expect(collector.find('plain')?.hosted).toBe(false);
  });

  it('shows recovery the system cannot read, and dependencies it reads back empty, as not reported: null with a reason, no error', () => {
    const scm = new FakeScm()
      .add('Base')
      .add('WineApp', {}, {
        dependencies: [],
        registryDependencies: ['Base'],
        recovery: null,
        recoveryOnNonCrashFailures: null,
        unreadable: ['recovery: QueryServiceConfig2W(WineApp) failed: The system call level is not correct. (error 124)', 'recovery on non-crash failures: QueryServiceConfig2W(WineApp) failed: The system call level is not correct. (error 124)'],
      })
      .add('Alone');
    const { collector } = collectorWith(scm);
    const row = collector.find('WineApp');
    expect(row).toMatchObject({ dependencies: null, recovery: null, configError: null });
    expect(row?.notReported).toEqual([
      { field: 'recovery', reason: 'not readable on this system (error 124)' },
      { field: 'recoveryOnNonCrashFailures', reason: 'not readable on this system (error 124)' },
      { field: 'dependencies', reason: expect.stringContaining('registry key lists Base') },
    ]);
    expect(collector.find('Alone')).toMatchObject({ dependencies: [], notReported: [] });
    // Its base is still named as needed by it (from the stored list), never "no dependents".
    expect(collector.find('Base')?.dependents).toEqual(['WineApp']);
  });

  it('shows a service whose configuration cannot be read at all, with the reason', () => {
    const scm = new FakeScm().add('Locked');
    scm.failNext = { method: 'config', code: 5 };
    const { collector } = collectorWith(scm);
    expect(collector.find('Locked')).toMatchObject({ startType: null, binaryPath: null, unquotedPath: false });
    expect(collector.find('Locked')?.configError).toContain('(5)');
  });

  it('reports config changes made through the console quietly, and admin entries in order', () => {
    const scm = new FakeScm().add('Alpha');
    const { collector } = collectorWith(scm);
    scm.get('Alpha').config.description = 'new text';
    collector.refreshConfig('alpha', { quiet: true });
    collector.recordAdmin(2000, 'Alpha', 'edit: Changed description.', true);
    const delta = collector.poll(3000);
    expect(delta?.upserted[0]?.description).toBe('new text');
    expect(delta?.timeline).toMatchObject([{ kind: 'admin', byAdmin: true, ok: true, text: 'edit: Changed description.' }]);
  });

  it('keeps the timeline bounded, oldest dropped', () => {
    const scm = new FakeScm().add('Alpha');
    const { collector } = collectorWith(scm);
    for (let i = 0; i < TIMELINE_LIMIT + 25; i++) collector.recordAdmin(i, 'Alpha', `entry ${i}`, true);
    const timeline = collector.snapshot().timeline;
    expect(timeline).toHaveLength(TIMELINE_LIMIT);
    expect(timeline[0]?.text).toBe('entry 25');
    expect(timeline.at(-1)?.id).toBeGreaterThan(timeline[0]!.id);
  });
});

describe('summarizeUnreadable', () => {
  it('names the parts that failed the same way once, without repeating the service name', () => {
    const lines = [
      'delayed auto-start: QueryServiceConfig2W(Svc) failed: Invalid level. (error 124)',
      'triggers: QueryServiceConfig2W(Svc) failed: Invalid level. (error 124)',
      'description: QueryServiceConfig2W(Svc) failed: Access is denied. (error 5)',
    ];
    expect(summarizeUnreadable(lines, 'Svc')).toBe(
      'delayed auto-start, triggers: QueryServiceConfig2W failed: Invalid level. (error 124); description: QueryServiceConfig2W failed: Access is denied. (error 5)',
    );
  });
});

describe('ServiceCollector rows stay within the contract', () => {
  it('clips an oversized description and recovery list and keeps an odd name, so the delta stays valid', () => {
    const scm = new FakeScm()
      .add('Odd\u0007Name', {}, { description: 'x'.repeat(40_000), recovery: { resetPeriodSeconds: 0, rebootMessage: '', command: '', actions: Array.from({ length: 80 }, () => ({ type: 'restart' as const, delayMs: 1 })) } })
      .add('Normal');
    const collector = new ServiceCollector(scm);
    const delta = collector.poll(1000);
    expect(() => ServiceDelta.parse(delta)).not.toThrow();
    const odd = collector.find('odd\u0007name');
    expect(odd?.description).toHaveLength(32_768);
    expect(odd?.recovery?.actions).toHaveLength(64);
    expect(() => ServiceSnapshot.parse(collector.snapshot())).not.toThrow();
  });
});

describe('ServiceCollector reads first-sight configurations in slices', () => {
  it('reads at most its budget per call, sends each row again once its configuration is in, then polls with one call', () => {
    let now = 0;
    const scm = new FakeScm();
    for (let i = 0; i < 10; i++) scm.add(`Svc${i}`, {}, { startType: 'automatic' });
    const realConfig = scm.config.bind(scm);
    scm.config = (name) => {
      now += 10;
      return realConfig(name);
    };
    const collector = new ServiceCollector(scm, 2000, () => now);
    const first = collector.poll(0);
    expect(first?.upserted).toHaveLength(10);
    expect(scm.configReads).toBe(3);
    expect(collector.configsPending()).toBe(true);
    expect(first?.upserted.filter((r) => r.startType === 'automatic')).toHaveLength(3);
    expect(() => ServiceDelta.parse(first)).not.toThrow();
    const second = collector.readUnread(1);
    expect(second).toMatchObject({ seq: 2, baseSeq: 1 });
    expect(second?.upserted).toHaveLength(3);
    collector.readUnread(2);
    collector.readUnread(3);
    expect(collector.configsPending()).toBe(false);
    expect(collector.rows().every((r) => r.startType === 'automatic')).toBe(true);
    expect(collector.readUnread(4)).toBeNull();
    const calls = scm.calls;
    expect(collector.poll(5)).toBeNull();
    expect(scm.calls - calls).toBe(1);
  });
});
