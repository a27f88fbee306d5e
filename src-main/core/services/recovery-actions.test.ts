import { describe, expect, test } from 'vitest';
import { ServiceDefinition } from '../../../src-preload/contract/service-schemas';
import type { RecoveryForm } from './recovery-actions';
import { describeRecovery, fromRecoveryPolicy, ordinal, periodText, recoveryProblems, toRecoveryPolicy } from './recovery-actions';
import type { RecoveryPolicy } from './service-manager';

const form = (over: Partial<RecoveryForm> = {}): RecoveryForm => ({
  actions: [
    { type: 'restart', delaySeconds: 60 },
    { type: 'restart', delaySeconds: 120 },
    { type: 'runCommand', delaySeconds: 0 },
  ],
  resetPeriodSeconds: 86_400,
  command: '"C:\\Program Files\\Ops\\notify.exe" --svc x',
  rebootMessage: 'Rebooting for MySvc',
  onNonCrashFailures: true,
  ...over,
});

describe('toRecoveryPolicy / fromRecoveryPolicy', () => {
  test('seconds become milliseconds; never-reset stays null (INFINITE)', () => {
    expect(toRecoveryPolicy(form({ resetPeriodSeconds: null }))).toEqual({
      resetPeriodSeconds: null,
      rebootMessage: 'Rebooting for MySvc',
      command: '"C:\\Program Files\\Ops\\notify.exe" --svc x',
      actions: [
        { type: 'restart', delayMs: 60_000 },
        { type: 'restart', delayMs: 120_000 },
        { type: 'runCommand', delayMs: 0 },
      ],
    });
  });

  test('round-trips a policy the form can hold, with the flag', () => {
    const f = form();
    expect(fromRecoveryPolicy(toRecoveryPolicy(f), true)).toEqual(f);
    expect(fromRecoveryPolicy(toRecoveryPolicy(form({ resetPeriodSeconds: null })), false)).toEqual(form({ resetPeriodSeconds: null, onNonCrashFailures: false }));
  });

  test('an unreadable policy gives no actions (what a service without recovery reads as)', () => {
    expect(fromRecoveryPolicy(null, null)).toEqual({ actions: [], resetPeriodSeconds: 0, command: '', rebootMessage: '', onNonCrashFailures: false });
    expect(fromRecoveryPolicy(null, true).onNonCrashFailures).toBe(true);
  });

  test('values beyond the form are brought into its range, so the edit form always validates', () => {
    const policy: RecoveryPolicy = {
      resetPeriodSeconds: 0xfffffffe,
      rebootMessage: 'm'.repeat(5000),
      command: 'C:\\x.exe\r\n--y',
      actions: [...Array.from({ length: 20 }, () => ({ type: 'restart' as const, delayMs: 1500 })), { type: 'none', delayMs: 30 * 86_400_000 }],
    };
    const f = fromRecoveryPolicy(policy, null);
    expect(f.actions).toHaveLength(16);
    expect(f.actions[0]).toEqual({ type: 'restart', delaySeconds: 2 });
    expect(f.resetPeriodSeconds).toBe(365 * 86_400);
    expect(f.command).toBe('C:\\x.exe  --y');
    expect(f.rebootMessage).toHaveLength(1024);
    expect(fromRecoveryPolicy({ ...policy, actions: [{ type: 'none', delayMs: 30 * 86_400_000 }] }, null).actions[0]?.delaySeconds).toBe(7 * 86_400);
    const definition = { name: 'x', displayName: 'x', program: 'C:\\x.exe', arguments: [], startup: 'manual', errorControl: 'normal', account: { kind: 'localSystem' }, dependencies: [], description: '', recovery: f };
    expect(ServiceDefinition.safeParse(definition).success).toBe(true);
  });
});

describe('recoveryProblems', () => {
  test('a sound policy, an empty one, and a reboot action have no problems', () => {
    expect(recoveryProblems(form())).toEqual([]);
    expect(recoveryProblems(form({ actions: [], command: '' }))).toEqual([]);
    expect(recoveryProblems(form({ actions: [{ type: 'reboot', delaySeconds: 60 }], command: '' }))).toEqual([]);
  });

  test('a "run a program" action needs a program, and a quoted one when its path has spaces', () => {
    expect(recoveryProblems(form({ command: '  ' }))).toEqual([{ field: 'recovery.command', message: expect.stringMatching(/needs the program/) }]);
    expect(recoveryProblems(form({ command: 'C:\\Program Files\\Ops\\notify.exe --svc x' }))).toEqual([
      { field: 'recovery.command', message: expect.stringMatching(/quotes.*CWE-428/) },
    ]);
    expect(recoveryProblems(form({ command: 'cmd.exe /c C:\\ops\\notify.bat' }))).toEqual([]);
  });

  test('delays and reset periods must be whole seconds in range; at most 16 actions', () => {
    const problems = recoveryProblems(
      form({
        actions: [{ type: 'restart', delaySeconds: 1.5 }, { type: 'restart', delaySeconds: -1 }, ...Array.from({ length: 15 }, () => ({ type: 'none' as const, delaySeconds: 0 }))],
        resetPeriodSeconds: 0.5,
      }),
    );
    expect(problems.map((p) => p.field)).toEqual(['recovery.actions', 'recovery.actions.0.delaySeconds', 'recovery.actions.1.delaySeconds', 'recovery.resetPeriodSeconds']);
    expect(problems[0]?.message).toBe('At most 16 recovery actions (there are 17).');
    expect(problems[2]?.message).toMatch(/^The delay of the 2nd action/);
  });
});

describe('describeRecovery', () => {
  test('reads like services.msc', () => {
    expect(describeRecovery(toRecoveryPolicy(form()), true)).toBe(
      '1st: restart after 60 s; 2nd: restart after 120 s; then: run a program after 0 s; reset after 1 day; program: "C:\\Program Files\\Ops\\notify.exe" --svc x; also on stops with errors',
    );
  });

  test('names the program and the reboot message, so changing only them shows as a change', () => {
    const base = toRecoveryPolicy(form());
    expect(describeRecovery({ ...base, command: 'C:\\other.exe' }, true)).not.toBe(describeRecovery(base, true));
    expect(describeRecovery({ resetPeriodSeconds: 0, rebootMessage: 'Going down', command: '', actions: [{ type: 'reboot', delayMs: 0 }] }, false)).toContain('reboot message: Going down');
  });

  test('one action applies to every failure; no action keeps no delay; never reset; the flag unknown', () => {
    const policy: RecoveryPolicy = { resetPeriodSeconds: null, rebootMessage: '', command: '', actions: [{ type: 'reboot', delayMs: 1500 }] };
    expect(describeRecovery(policy, false)).toBe('every failure: restart the computer after 1500 ms; never reset');
    expect(describeRecovery({ ...policy, resetPeriodSeconds: 7200, actions: [{ type: 'restart', delayMs: 0 }, { type: 'none', delayMs: 5000 }] }, null)).toBe(
      '1st: restart after 0 s; then: take no action; reset after 2 hours; stops with errors: unknown',
    );
  });

  test('"none" without actions, "unknown" when unreadable', () => {
    expect(describeRecovery({ resetPeriodSeconds: 0, rebootMessage: '', command: '', actions: [] }, true)).toBe('none');
    expect(describeRecovery(null, null)).toBe('unknown');
  });
});

test('ordinals and periods', () => {
  expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '101st', '111th']);
  expect([0, 45, 90, 120, 3600, 5400, 86_400, 172_800].map(periodText)).toEqual(['0 s', '45 s', '90 s', '2 min', '1 hour', '90 min', '1 day', '2 days']);
});
