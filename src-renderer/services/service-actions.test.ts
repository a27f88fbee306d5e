import { describe, expect, it } from 'vitest';
import { canControl, eligibleTargets, parseStartArguments, summarizeServiceResults } from './service-actions';
import { testService } from './test-services';

describe('canControl', () => {
  it('allows what the state and accepted controls allow', () => {
    const running = testService('A', { state: 'running', canStop: true, canPauseContinue: true });
    expect(['start', 'stop', 'pause', 'continue', 'restart'].filter((v) => canControl(running, v as never))).toEqual(['stop', 'pause', 'restart']);
    const paused = testService('A', { state: 'paused', canStop: true, canPauseContinue: true });
    expect(canControl(paused, 'continue')).toBe(true);
    expect(canControl(paused, 'pause')).toBe(false);
    const stopped = testService('A', { state: 'stopped', canStop: false, pid: null });
    expect(canControl(stopped, 'start')).toBe(true);
    expect(canControl(stopped, 'stop')).toBe(false);
    expect(canControl(stopped, 'restart')).toBe(false);
    expect(canControl({ ...stopped, startType: 'disabled' }, 'start')).toBe(false);
    expect(canControl(testService('A', { state: 'running', canStop: false }), 'stop')).toBe(false);
    expect(canControl(testService('A', { state: 'running', canPauseContinue: false }), 'pause')).toBe(false);
  });

  it('splits a selection into the services a control applies to and those it skips', () => {
    const { targets, skipped } = eligibleTargets([testService('A', { state: 'stopped', canStop: false }), testService('B')], 'start');
    expect(targets.map((r) => r.name)).toEqual(['A']);
    expect(skipped.map((r) => r.name)).toEqual(['B']);
  });
});

describe('parseStartArguments', () => {
  it('takes one argument per line, keeping spaces and dropping empty lines', () => {
    expect(parseStartArguments('--slow-start\r\n3000\n\n path with spaces \n')).toEqual(['--slow-start', '3000', ' path with spaces ']);
    expect(parseStartArguments('')).toEqual([]);
  });
});

describe('summarizeServiceResults', () => {
  it('says what was done when everything succeeded', () => {
    expect(summarizeServiceResults('stop', [{ name: 'Spooler', ok: true, state: 'stopped' }])).toEqual({
      toast: { tone: 'info', title: 'Stopped Spooler', message: 'Done.' },
      cancelled: 0,
    });
  });

  it('names each failure with main’s message and the first failure’s codes', () => {
    const outcome = summarizeServiceResults('start', [
      { name: 'A', ok: true, state: 'running' },
      { name: 'B', ok: false, state: 'running', error: { code: 'WIN32', message: 'B is already running.', win32Code: 1056 } },
    ]);
    expect(outcome.toast).toEqual({
      tone: 'error',
      title: 'Could not start 1 of 2 services',
      message: 'B: B is already running.',
      meta: 'WIN32 · Win32 error 1056 (0x00000420)',
    });
  });

  it('does not treat a declined confirmation (CANCELLED) as an error', () => {
    const outcome = summarizeServiceResults('stop', [{ name: 'A', ok: false, state: 'running', error: { code: 'CANCELLED', message: 'The admin declined.' } }]);
    expect(outcome).toEqual({ toast: null, cancelled: 1 });
  });
});
