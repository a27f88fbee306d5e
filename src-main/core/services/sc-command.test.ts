import { describe, expect, test } from 'vitest';
import { buildCommandLine, splitCommandLine } from './binary-path';
import { scConfigCommand, scCreateCommand, scDeleteCommand, scDescriptionCommand, scFailureCommand, scFailureFlagCommand } from './sc-command';
import type { NewService, RecoveryPolicy } from './service-manager';

/** What sc.exe receives: its argv after the program, as CommandLineToArgvW reads the line. */
const scArgv = (line: string) => {
  const { program, arguments: args } = splitCommandLine(line);
  expect(program).toBe('sc.exe');
  return args;
};

const service = (over: Partial<NewService> = {}): NewService => ({
  name: 'MySvc',
  displayName: 'My service',
  binaryPath: buildCommandLine('C:\\Program Files\\My App\\svc.exe', ['--port', '80']),
  startType: 'automatic',
  errorControl: 'normal',
  dependencies: [],
  account: null,
  password: null,
  ...over,
});

describe('scCreateCommand', () => {
  test('the documented shape, with the binary path quoted again for sc.exe', () => {
    const line = scCreateCommand(service({ account: 'LocalSystem', dependencies: ['A', 'B'] }));
    expect(line).toBe(
      'sc.exe create MySvc binPath= "\\"C:\\Program Files\\My App\\svc.exe\\" --port 80" DisplayName= "My service" type= own start= auto error= normal obj= LocalSystem depend= A/B',
    );
    expect(scArgv(line)).toEqual([
      'create', 'MySvc', 'binPath=', '"C:\\Program Files\\My App\\svc.exe" --port 80', 'DisplayName=', 'My service', 'type=', 'own', 'start=', 'auto',
      'error=', 'normal', 'obj=', 'LocalSystem', 'depend=', 'A/B',
    ]);
  });

  test('start and error words; obj= only with an account; no depend= without dependencies', () => {
    const line = scCreateCommand(service({ startType: 'manual', errorControl: 'critical' }));
    expect(line).toBe('sc.exe create MySvc binPath= "\\"C:\\Program Files\\My App\\svc.exe\\" --port 80" DisplayName= "My service" type= own start= demand error= critical');
    expect(scArgv(scCreateCommand(service({ startType: 'disabled', errorControl: 'ignore' })))).toEqual(expect.arrayContaining(['disabled', 'ignore']));
    expect(scArgv(scCreateCommand(service({ errorControl: 'severe' })))).toContain('severe');
    expect(scArgv(scCreateCommand(service()))).not.toContain('obj=');
    expect(scCreateCommand(service(), { delayedAutoStart: true })).toContain(' start= delayed-auto ');
    expect(scCreateCommand(service({ startType: 'manual' }), { delayedAutoStart: true })).toContain(' start= demand ');
  });

  test('the password is never shown, only masked', () => {
    const line = scCreateCommand(service({ account: '.\\svc-user', password: 'hunter2 "secret"' }));
    expect(line).not.toContain('hunter2');
    expect(line).not.toContain('secret');
    expect(scArgv(line).slice(-4)).toEqual(['obj=', '.\\svc-user', 'password=', '********']);
    // Built-in accounts have no password: sc.exe is shown none.
    expect(scArgv(scCreateCommand(service({ account: 'NT AUTHORITY\\LocalService', password: '' })))).not.toContain('password=');
  });

  test('awkward paths reach sc.exe intact: quotes, trailing backslashes, empty arguments', () => {
    const binaryPath = buildCommandLine('C:\\My App\\svc.exe', ['--root', 'C:\\Data Dir\\', 'say "hi"', '']);
    const line = scCreateCommand(service({ binaryPath, displayName: 'Quote " and \\ back\\' }));
    const args = scArgv(line);
    expect(args[3]).toBe(binaryPath);
    expect(args[5]).toBe('Quote " and \\ back\\');
    expect(splitCommandLine(args[3] as string)).toEqual({ program: 'C:\\My App\\svc.exe', arguments: ['--root', 'C:\\Data Dir\\', 'say "hi"', ''] });
  });
});

describe('scConfigCommand', () => {
  test('only the fields that change; null when none of them is a config field', () => {
    expect(scConfigCommand('MySvc', { displayName: 'New name' })).toBe('sc.exe config MySvc DisplayName= "New name"');
    expect(scConfigCommand('MySvc', {})).toBeNull();
    expect(scConfigCommand('MySvc', { description: 'x', recovery: { resetPeriodSeconds: 0, rebootMessage: '', command: '', actions: [] }, recoveryOnNonCrashFailures: true })).toBeNull();
  });

  test('every config field, in sc order', () => {
    const line = scConfigCommand('My Svc', {
      binaryPath: '"C:\\a b\\svc.exe" -x',
      displayName: 'D',
      startType: 'disabled',
      errorControl: 'severe',
      logon: { account: 'DOMAIN\\user', password: 'pw' },
      dependencies: ['RpcSs', '+Group'],
    }) as string;
    expect(line).not.toContain('pw ');
    expect(scArgv(line)).toEqual([
      'config', 'My Svc', 'binPath=', '"C:\\a b\\svc.exe" -x', 'DisplayName=', 'D', 'start=', 'disabled', 'error=', 'severe',
      'obj=', 'DOMAIN\\user', 'password=', '********', 'depend=', 'RpcSs/+Group',
    ]);
  });

  test('no dependencies is depend= /; LocalSystem logon has no password', () => {
    expect(scConfigCommand('MySvc', { dependencies: [] })).toBe('sc.exe config MySvc depend= /');
    expect(scConfigCommand('MySvc', { logon: { account: null, password: null } })).toBe('sc.exe config MySvc obj= LocalSystem');
  });

  test('the start type and the delayed flag pair as sc.exe spells them', () => {
    expect(scConfigCommand('S', { startType: 'automatic', delayedAutoStart: true })).toBe('sc.exe config S start= delayed-auto');
    expect(scConfigCommand('S', { startType: 'automatic', delayedAutoStart: false })).toBe('sc.exe config S start= auto');
    expect(scConfigCommand('S', { startType: 'automatic' })).toBe('sc.exe config S start= auto');
    expect(scConfigCommand('S', { delayedAutoStart: true })).toBe('sc.exe config S start= delayed-auto');
    expect(scConfigCommand('S', { delayedAutoStart: false })).toBe('sc.exe config S start= auto');
    expect(scConfigCommand('S', { startType: 'manual', delayedAutoStart: false })).toBe('sc.exe config S start= demand');
  });
});

describe('scFailureCommand', () => {
  const policy: RecoveryPolicy = {
    resetPeriodSeconds: 86_400,
    rebootMessage: 'Going down',
    command: '"C:\\Program Files\\Ops\\notify.exe" --svc MySvc',
    actions: [
      { type: 'restart', delayMs: 60_000 },
      { type: 'runCommand', delayMs: 1000 },
      { type: 'none', delayMs: 0 },
      { type: 'reboot', delayMs: 120_000 },
    ],
  };

  test('actions as slash-separated pairs with "" for no action; command and reboot quoted', () => {
    const line = scFailureCommand('MySvc', policy);
    expect(line).toBe(
      'sc.exe failure MySvc reset= 86400 actions= restart/60000/run/1000/""/0/reboot/120000 command= "\\"C:\\Program Files\\Ops\\notify.exe\\" --svc MySvc" reboot= "Going down"',
    );
    expect(scArgv(line)).toEqual([
      'failure', 'MySvc', 'reset=', '86400', 'actions=', 'restart/60000/run/1000//0/reboot/120000', 'command=', policy.command, 'reboot=', 'Going down',
    ]);
  });

  test('never resetting is INFINITE (4294967295); no actions is actions= ""; empty texts clear', () => {
    const line = scFailureCommand('MySvc', { resetPeriodSeconds: null, rebootMessage: '', command: '', actions: [] });
    expect(line).toBe('sc.exe failure MySvc reset= 4294967295 actions= "" command= "" reboot= ""');
    expect(scArgv(line)).toEqual(['failure', 'MySvc', 'reset=', '4294967295', 'actions=', '', 'command=', '', 'reboot=', '']);
  });

  test('a first action of "no action" still reads back as an empty word', () => {
    const line = scFailureCommand('S', { ...policy, actions: [{ type: 'none', delayMs: 5 }] });
    expect(scArgv(line)[5]).toBe('/5');
  });
});

describe('the other verbs', () => {
  test('description, failureflag, delete', () => {
    expect(scDescriptionCommand('MySvc', 'Runs "things" at C:\\x\\')).toBe('sc.exe description MySvc "Runs \\"things\\" at C:\\x\\\\"');
    expect(scArgv(scDescriptionCommand('MySvc', 'Runs "things" at C:\\x\\'))[2]).toBe('Runs "things" at C:\\x\\');
    expect(scDescriptionCommand('MySvc', '')).toBe('sc.exe description MySvc ""');
    expect(scFailureFlagCommand('MySvc', true)).toBe('sc.exe failureflag MySvc 1');
    expect(scFailureFlagCommand('MySvc', false)).toBe('sc.exe failureflag MySvc 0');
    expect(scDeleteCommand('My Svc')).toBe('sc.exe delete "My Svc"');
  });
});
