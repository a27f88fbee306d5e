import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../core/logger';
import { trackConsoleProcesses, type ConsoleApp } from './console-processes';

type Gone = 'child-process-gone' | 'render-process-gone';

/** Electron's app as far as the module uses it: a process list the test changes, and the two events. */
function fakeApp(initial: { pid: number; type: string }[]) {
  let metrics = initial;
  let failure: Error | undefined;
  const listeners = new Map<Gone, Set<() => void>>([
    ['child-process-gone', new Set()],
    ['render-process-gone', new Set()],
  ]);
  const app: ConsoleApp & { reads: number } = {
    reads: 0,
    getAppMetrics() {
      app.reads++;
      if (failure) throw failure;
      return metrics;
    },
    on(event, listener) {
      listeners.get(event)?.add(listener);
      return app;
    },
    removeListener(event, listener) {
      listeners.get(event)?.delete(listener);
      return app;
    },
  };
  return {
    app,
    set: (next: { pid: number; type: string }[]) => (metrics = next),
    fail: (err: Error | undefined) => (failure = err),
    emit: (event: Gone) => listeners.get(event)?.forEach((l) => l()),
    listening: () => [...listeners.values()].reduce((n, s) => n + s.size, 0),
  };
}

const MAIN = 4100;
const electron = [
  { pid: MAIN, type: 'Browser' },
  { pid: 4200, type: 'GPU' },
  { pid: 4300, type: 'Utility' },
  { pid: 4400, type: 'Tab' },
];

describe('trackConsoleProcesses', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("holds Electron's own processes from the start: main, GPU, utility and the window's renderer", () => {
    const { app } = fakeApp(electron);
    const tracked = trackConsoleProcesses(app, { ownPid: MAIN, logger: silentLogger });
    expect([...tracked.pids].sort()).toEqual([4100, 4200, 4300, 4400]);
    tracked.stop();
  });

  it('drops a helper Electron reports gone and finds its replacement shortly after', () => {
    const fake = fakeApp(electron);
    const tracked = trackConsoleProcesses(fake.app, { ownPid: MAIN, logger: silentLogger, recheckDelayMs: 500 });
    const pids = tracked.pids; // the same set object throughout: the core holds it
    fake.set(electron.filter((p) => p.type !== 'GPU'));
    fake.emit('child-process-gone');
    expect(pids.has(4200)).toBe(false);
    fake.set([...electron.filter((p) => p.type !== 'GPU'), { pid: 4500, type: 'GPU' }]);
    expect(pids.has(4500)).toBe(false);
    vi.advanceTimersByTime(500);
    expect(pids.has(4500)).toBe(true);
    expect(tracked.pids).toBe(pids);
    tracked.stop();
  });

  it('a renderer gone and reloaded is followed the same way', () => {
    const fake = fakeApp(electron);
    const tracked = trackConsoleProcesses(fake.app, { ownPid: MAIN, logger: silentLogger, recheckDelayMs: 500 });
    fake.set([...electron.filter((p) => p.type !== 'Tab'), { pid: 4600, type: 'Tab' }]);
    fake.emit('render-process-gone');
    expect(tracked.pids.has(4400)).toBe(false);
    expect(tracked.pids.has(4600)).toBe(true);
    tracked.stop();
  });

  it('rechecks once however often asked before it runs, and on a slow timer otherwise', () => {
    const fake = fakeApp(electron);
    const tracked = trackConsoleProcesses(fake.app, { ownPid: MAIN, logger: silentLogger, recheckDelayMs: 500, slowRefreshMs: 30_000 });
    expect(fake.app.reads).toBe(1);
    tracked.recheckSoon();
    tracked.recheckSoon();
    tracked.recheckSoon();
    vi.advanceTimersByTime(500);
    expect(fake.app.reads).toBe(2);
    fake.set([...electron, { pid: 4700, type: 'Utility' }]);
    vi.advanceTimersByTime(29_499);
    expect(tracked.pids.has(4700)).toBe(false);
    vi.advanceTimersByTime(1);
    expect(tracked.pids.has(4700)).toBe(true);
    tracked.stop();
  });

  it('never lists a program the console started for the admin: only what Electron lists is a member', () => {
    // A Run's process is a child of the main process too, but Electron's list does not hold it.
    const fake = fakeApp(electron);
    const tracked = trackConsoleProcesses(fake.app, { ownPid: MAIN, logger: silentLogger });
    tracked.recheckSoon();
    vi.runOnlyPendingTimers();
    expect(tracked.pids.has(5000)).toBe(false);
    expect(tracked.pids.size).toBe(4);
    tracked.stop();
  });

  it('keeps the main process even when Electron does not list it, and the last members when the list fails', () => {
    const fake = fakeApp([{ pid: 4200, type: 'GPU' }]);
    const warn = vi.fn();
    const tracked = trackConsoleProcesses(fake.app, { ownPid: MAIN, logger: { ...silentLogger, warn } });
    expect([...tracked.pids].sort()).toEqual([4100, 4200]);
    fake.fail(new Error('not ready'));
    tracked.refresh();
    tracked.refresh();
    expect([...tracked.pids].sort()).toEqual([4100, 4200]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[1]).toEqual({ error: 'not ready' });
    tracked.stop();
  });

  it('stop removes its listeners and timers', () => {
    const fake = fakeApp(electron);
    const tracked = trackConsoleProcesses(fake.app, { ownPid: MAIN, logger: silentLogger });
    expect(fake.listening()).toBe(2);
    tracked.recheckSoon();
    tracked.stop();
    expect(fake.listening()).toBe(0);
    const reads = fake.app.reads;
    vi.advanceTimersByTime(120_000);
    expect(fake.app.reads).toBe(reads);
  });
});
